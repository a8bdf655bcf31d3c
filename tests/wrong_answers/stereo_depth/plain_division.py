"""Divides without looking: disparity 0 gives inf and negative disparities give negative depths."""

import torch

from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_invalid_disparities_give_zero_depth", "test_gradient_is_finite_where_disparity_is_zero"]


def disparity_to_depth(disparity, focal_px, baseline):
    if focal_px <= 0 or baseline <= 0:
        raise ValueError("focal_px and baseline must be positive")
    return focal_px * baseline / disparity
