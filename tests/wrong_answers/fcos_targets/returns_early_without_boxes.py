"""Returns all background as soon as there is no box or no point, before checking the other arguments."""

import math

import torch

from solutions.fcos_targets.fcos_targets import *  # noqa: F403 - the rest is right
from solutions.fcos_targets.fcos_targets import fcos_targets as _right

CAUGHT_BY = ["test_checks_arguments_even_without_boxes_or_points"]


def fcos_targets(points, gt_boxes, gt_labels, size_range=(0.0, math.inf), background=-1):
    if len(points) == 0 or len(gt_boxes) == 0:
        n = len(points)
        labels = torch.full((n,), background, dtype=gt_labels.dtype)
        return labels, torch.zeros(n, 4, dtype=points.dtype), torch.zeros(n, dtype=points.dtype)
    return _right(points, gt_boxes, gt_labels, size_range, background)
