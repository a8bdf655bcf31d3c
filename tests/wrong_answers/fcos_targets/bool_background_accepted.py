"""Checks background with isinstance(background, int) alone, so True passes as the label 1."""

import math

from solutions.fcos_targets.fcos_targets import *  # noqa: F403 - the rest is right
from solutions.fcos_targets.fcos_targets import fcos_targets as _right

CAUGHT_BY = ["test_rejects_bad_arguments[bool background]", "test_checks_arguments_even_without_boxes_or_points"]


def fcos_targets(points, gt_boxes, gt_labels, size_range=(0.0, math.inf), background=-1):
    if isinstance(background, bool):
        background = int(background)
    return _right(points, gt_boxes, gt_labels, size_range, background)
