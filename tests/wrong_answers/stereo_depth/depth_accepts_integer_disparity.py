"""Never checks disparity's dtype: an integer disparity map is converted silently instead of refused."""

import torch

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_depth_rejects_a_disparity_that_is_not_floating_point"]


def disparity_to_depth(disparity, focal_px, baseline):
    disparity = torch.as_tensor(disparity)
    if not disparity.is_floating_point():
        disparity = disparity.to(torch.get_default_dtype())
    return _ref.disparity_to_depth(disparity, focal_px, baseline)
