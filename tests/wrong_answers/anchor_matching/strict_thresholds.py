"""Uses ``>`` where torchvision uses ``>=``: IoU exactly ``high`` is not a match, exactly ``low`` is background."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = ["test_thresholds_high_and_low_are_inclusive"]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    matches = _right(iou, high, low, allow_low_quality_matches)
    if iou.numel():
        best = iou.max(dim=0).values
        matches[best == high] = -2
        matches[best == low] = -1
        if allow_low_quality_matches:  # the rescued ones stay rescued
            rescued = (iou == iou.max(dim=1, keepdim=True).values).any(dim=0)
            matches[rescued] = iou.max(dim=0).indices[rescued]
    return matches
