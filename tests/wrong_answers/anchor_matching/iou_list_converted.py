"""Converts a list to a tensor with torch.as_tensor instead of refusing what is not a tensor."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = ["test_match_anchors_rejects_bad_arguments[a list]"]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    if isinstance(iou, list):
        iou = torch.as_tensor(iou, dtype=torch.float32)
    return _right(iou, high, low, allow_low_quality_matches)
