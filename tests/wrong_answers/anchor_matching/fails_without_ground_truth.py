"""Takes the maximum over an empty dimension when there is no ground-truth box, and raises."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = ["test_no_ground_truth_gives_all_minus_one"]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    iou.max(dim=0)  # IndexError on a [0, A] matrix
    return _right(iou, high, low, allow_low_quality_matches)
