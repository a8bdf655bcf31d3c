"""Returns the rays K^-1 [u, v, 1] with Z set to the depth, forgetting to scale X and Y by the depth."""

import torch

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_backproject_matches_the_pinhole_model", "test_backprojected_points_project_back_onto_their_pixels"]


def backproject(depth, K):
    rays = _ref.backproject(torch.ones_like(depth), K)
    rays[..., 2] = depth
    return rays
