"""Shape-major order: all locations of the first shape, then all of the second, ... (same boxes, wrong rows)."""

import torch

from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right
from solutions.ssd_default_boxes.ssd_default_boxes import _grid_size
from solutions.ssd_default_boxes.ssd_default_boxes import ssd_default_boxes as _right

CAUGHT_BY = [
    "test_matches_torchvision_default_box_generator",
    "test_order_is_location_major",
    "test_centres_are_cell_middles_row_by_row",
    "test_ssd300_layout_has_8732_boxes",
]


def ssd_default_boxes(
    feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=torch.float32
):
    right = _right(feature_map_sizes, aspect_ratios, min_ratio, max_ratio, clip, dtype=dtype)
    parts, start = [], 0
    for k, size in enumerate(feature_map_sizes):
        h, w = _grid_size(k, size)
        n_shapes = 2 + 2 * len(aspect_ratios[k])
        block = right[start : start + h * w * n_shapes]
        parts.append(block.reshape(h * w, n_shapes, 4).transpose(0, 1).reshape(-1, 4))
        start += h * w * n_shapes
    return torch.cat(parts)
