"""Ignores ``clip``: boxes wider than the image keep widths above 1."""

import torch

from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right
from solutions.ssd_default_boxes.ssd_default_boxes import ssd_default_boxes as _right

CAUGHT_BY = [
    "test_matches_torchvision_default_box_generator[wide boxes, clip on]",
    "test_matches_torchvision_default_box_generator[hw pairs, clip on]",
    "test_clip_clamps_only_widths_and_heights",
]


def ssd_default_boxes(
    feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=torch.float32
):
    return _right(feature_map_sizes, aspect_ratios, min_ratio, max_ratio, False, dtype=dtype)
