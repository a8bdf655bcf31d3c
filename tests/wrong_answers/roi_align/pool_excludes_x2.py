"""RoI Pool measures the rounded box as x2 - x1 pixels, leaving out the last row and column (no + 1)."""

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import _round_half_away
from tests.wrong_answers.roi_align.pool_truncates_corners import pool_bins

CAUGHT_BY = ["test_roi_pool_includes_the_pixels_at_x2_and_y2", "test_roi_pool_matches_torchvision"]


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    return pool_bins(input, boxes, output_size, spatial_scale, _round_half_away, plus_one=False)
