"""Compares the thresholds in float64 (iou.double()), so a float32 IoU of 0.7 falls just below high=0.7."""

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = ["test_thresholds_are_compared_in_the_matrix_dtype"]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    if iou.is_floating_point():
        iou = iou.double()
    return _right(iou, high, low, allow_low_quality_matches)
