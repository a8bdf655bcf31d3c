"""RoI Pool rounds the corners with torch.round, which sends halves to even (2.5 -> 2), not away from zero."""

import torch

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from tests.wrong_answers.roi_align.pool_truncates_corners import pool_bins

CAUGHT_BY = ["test_roi_pool_rounds_corners_half_away_from_zero", "test_roi_pool_matches_torchvision"]


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    return pool_bins(input, boxes, output_size, spatial_scale, torch.round)
