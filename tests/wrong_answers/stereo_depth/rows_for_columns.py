"""Back-projects pixel [v, u] as if u were the row and v the column."""

import torch

from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_backproject_matches_the_pinhole_model", "test_backprojected_points_project_back_onto_their_pixels"]


def backproject(depth, K):
    if depth.dim() != 2:
        raise ValueError(f"depth: expected shape [H, W], got {list(depth.shape)}")
    if K.shape != (3, 3):
        raise ValueError("K: expected 3 x 3")
    h, w = depth.shape
    K = K.to(depth.dtype)
    u, v = torch.meshgrid(torch.arange(h, dtype=depth.dtype), torch.arange(w, dtype=depth.dtype), indexing="ij")
    pixels = torch.stack([u, v, torch.ones_like(u)], dim=-1)
    return (pixels @ torch.linalg.inv(K).T) * depth[..., None]
