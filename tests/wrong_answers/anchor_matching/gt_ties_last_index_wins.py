"""Keeps a box when its IoU is >= the best so far: among tied ground-truth boxes the last index wins, not the first."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = ["test_ties_between_ground_truth_boxes_go_to_the_lowest_index"]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    matches = _right(iou, high, low, allow_low_quality_matches)
    if iou.numel() == 0:
        return matches
    # the last of the tied boxes: the first one in the flipped matrix
    last_best = iou.shape[0] - 1 - iou.flip(0).max(dim=0).indices
    return torch.where(matches >= 0, last_best, matches)
