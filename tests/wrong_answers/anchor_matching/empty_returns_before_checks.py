"""Returns all -1 for an empty matrix before checking the arguments: an integer matrix or low > high passes."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = ["test_match_anchors_checks_arguments_even_without_ground_truth"]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    if isinstance(iou, torch.Tensor) and iou.numel() == 0:
        return torch.full(iou.shape[-1:], -1, dtype=torch.int64)
    return _right(iou, high, low, allow_low_quality_matches)
