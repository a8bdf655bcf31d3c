"""Unpacks size_range as lo, hi without a check: a range of one number or a bare number fails unexplained."""

import math

from solutions.fcos_targets.fcos_targets import *  # noqa: F403 - the rest is right
from solutions.fcos_targets.fcos_targets import fcos_targets as _right

CAUGHT_BY = ["test_rejects_bad_arguments[range of one number]", "test_rejects_bad_arguments[range a number]"]


def fcos_targets(points, gt_boxes, gt_labels, size_range=(0.0, math.inf), background=-1):
    lo, hi = size_range
    return _right(points, gt_boxes, gt_labels, (lo, hi), background)
