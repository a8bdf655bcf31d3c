"""backproject never checks depth's dtype: an integer depth map is converted instead of refused."""

import torch

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_backproject_rejects_depth_that_is_not_floating_point"]


def backproject(depth, K):
    depth = torch.as_tensor(depth)
    if not depth.is_floating_point():
        depth = depth.to(torch.get_default_dtype())
    return _ref.backproject(depth, K)
