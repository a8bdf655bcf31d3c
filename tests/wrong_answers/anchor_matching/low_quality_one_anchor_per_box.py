"""Low-quality matches with ``argmax`` per box: only the first of several tied best anchors is rescued."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = [
    "test_match_anchors_matches_torchvision[grid anchors with tied low best IoUs-float32]",
    "test_match_anchors_matches_torchvision[rescued anchor keeps its own best box-float64]",
    "test_low_quality_matches_include_every_tied_anchor",
]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    matches = _right(iou, high, low, False)
    if allow_low_quality_matches and iou.numel():
        best_gt = iou.argmax(dim=0)
        best_anchor = iou.argmax(dim=1)
        matches[best_anchor] = best_gt[best_anchor]
    return matches
