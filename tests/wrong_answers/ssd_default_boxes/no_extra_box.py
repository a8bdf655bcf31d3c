"""Forgets the extra ``sqrt(s_k * s_{k+1})`` box: one box per location too few."""

import torch

from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right
from solutions.ssd_default_boxes.ssd_default_boxes import _grid_size
from solutions.ssd_default_boxes.ssd_default_boxes import ssd_default_boxes as _right

CAUGHT_BY = [
    "test_matches_torchvision_default_box_generator",
    "test_extra_box_of_the_last_map_uses_scale_one",
    "test_count_is_locations_times_two_plus_two_per_ratio",
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
        block = right[start : start + h * w * n_shapes].reshape(h * w, n_shapes, 4)
        parts.append(torch.cat([block[:, :1], block[:, 2:]], dim=1).reshape(-1, 4))
        start += h * w * n_shapes
    return torch.cat(parts)
