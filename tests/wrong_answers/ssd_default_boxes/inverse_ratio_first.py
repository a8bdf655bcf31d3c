"""Puts ``1/r`` before ``r`` (width ``s / sqrt(r)`` first): same boxes, each ratio's pair swapped."""

import torch

from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right
from solutions.ssd_default_boxes.ssd_default_boxes import ssd_default_boxes as _right

CAUGHT_BY = [
    "test_matches_torchvision_default_box_generator",
    "test_one_location_with_one_ratio",
    "test_each_ratio_gives_r_then_its_inverse",
    "test_matches_loop_reference_in_float64",
]


def ssd_default_boxes(
    feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=torch.float32
):
    # 1/r gives the same pair of boxes in the other order, so invert every ratio
    inverted = [[1.0 / r if r > 0 else r for r in ratios] for ratios in aspect_ratios]
    return _right(feature_map_sizes, inverted, min_ratio, max_ratio, clip, dtype=dtype)
