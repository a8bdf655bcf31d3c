"""Extends the linear scales past the last map (``s_m = max_ratio + step``) instead of using ``s_m = 1.0``."""

import math

import torch

from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right
from solutions.ssd_default_boxes.ssd_default_boxes import _grid_size
from solutions.ssd_default_boxes.ssd_default_boxes import ssd_default_boxes as _right

CAUGHT_BY = [
    "test_matches_torchvision_default_box_generator",
    "test_extra_box_of_the_last_map_uses_scale_one",
]


def ssd_default_boxes(
    feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=torch.float32
):
    out = _right(feature_map_sizes, aspect_ratios, min_ratio, max_ratio, clip, dtype=dtype).clone()
    m = len(feature_map_sizes)
    if m == 1:
        return out
    beyond = max_ratio + (max_ratio - min_ratio) / (m - 1)
    s_prime = math.sqrt(max_ratio * beyond)
    if clip:
        s_prime = min(s_prime, 1.0)
    h, w = _grid_size(m - 1, feature_map_sizes[-1])
    n_shapes = 2 + 2 * len(aspect_ratios[-1])
    last = out[out.shape[0] - h * w * n_shapes :].view(h * w, n_shapes, 4)
    last[:, 1, 2:] = s_prime
    return out
