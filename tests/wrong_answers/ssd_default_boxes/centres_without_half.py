"""Centres at the cells' top-left corners, ``j / W`` instead of ``(j + 0.5) / W``."""

import torch

from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right
from solutions.ssd_default_boxes.ssd_default_boxes import _grid_size
from solutions.ssd_default_boxes.ssd_default_boxes import ssd_default_boxes as _right

CAUGHT_BY = [
    "test_matches_torchvision_default_box_generator",
    "test_one_location_with_one_ratio",
    "test_centres_are_cell_middles_row_by_row",
    "test_feature_map_pairs_are_height_then_width",
]


def ssd_default_boxes(
    feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=torch.float32
):
    out = _right(feature_map_sizes, aspect_ratios, min_ratio, max_ratio, clip, dtype=dtype).clone()
    start = 0
    for k, size in enumerate(feature_map_sizes):
        h, w = _grid_size(k, size)
        n = h * w * (2 + 2 * len(aspect_ratios[k]))
        out[start : start + n, 0] -= 0.5 / w
        out[start : start + n, 1] -= 0.5 / h
        start += n
    return out
