"""Reads an ``(h, w)`` feature-map size as ``(w, h)``: non-square maps get their rows and columns swapped."""

import torch

from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right
from solutions.ssd_default_boxes.ssd_default_boxes import ssd_default_boxes as _right

CAUGHT_BY = [
    "test_matches_torchvision_default_box_generator[hw pairs, clip off]",
    "test_feature_map_pairs_are_height_then_width",
    "test_centres_are_cell_middles_row_by_row",
]


def ssd_default_boxes(
    feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=torch.float32
):
    swapped = [s if isinstance(s, int) else type(s)(reversed(s)) for s in feature_map_sizes]
    return _right(swapped, aspect_ratios, min_ratio, max_ratio, clip, dtype=dtype)
