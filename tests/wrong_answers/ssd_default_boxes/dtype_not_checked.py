"""Converts the result to whatever dtype is asked, integer or bool included, instead of refusing a dtype that is not floating point."""

import torch

import solutions.ssd_default_boxes.ssd_default_boxes as _solution
from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_a_dtype_that_is_not_floating_point"]


def ssd_default_boxes(feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=None):
    boxes = _solution.ssd_default_boxes(
        feature_map_sizes, aspect_ratios, min_ratio, max_ratio, clip, dtype=torch.float64
    )
    return boxes.to(torch.float32 if dtype is None else dtype)
