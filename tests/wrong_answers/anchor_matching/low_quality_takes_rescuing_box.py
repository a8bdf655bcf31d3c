"""A rescued anchor is given the box that rescued it, not the box it overlaps most (torchvision's rule)."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = [
    "test_match_anchors_matches_torchvision[rescued anchor keeps its own best box-float64]",
    "test_rescued_anchor_gets_the_box_it_overlaps_most",
]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    matches = _right(iou, high, low, False)
    if allow_low_quality_matches and iou.numel():
        best_per_gt = iou.max(dim=1, keepdim=True).values
        for g in range(iou.shape[0]):
            matches[iou[g] == best_per_gt[g]] = g
    return matches
