"""Uses K in its own dtype: a float64 K with a float32 depth map fails in the matrix product (or gives float64)."""

import torch

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_backproject_keeps_the_dtype_of_depth_whatever_the_dtype_of_k"]


def backproject(depth, K):
    _ref.backproject(depth, K)  # the argument checks
    h, w = depth.shape
    v, u = torch.meshgrid(torch.arange(h, dtype=depth.dtype), torch.arange(w, dtype=depth.dtype), indexing="ij")
    pixels = torch.stack([u, v, torch.ones_like(u)], dim=-1)
    return (pixels @ torch.linalg.inv(K).T) * depth[..., None]
