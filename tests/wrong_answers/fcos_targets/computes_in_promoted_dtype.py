"""Never converts gt_boxes to points' dtype: float32 points with float64 boxes give float64 targets."""

import math

import torch

from solutions.fcos_targets.fcos_targets import *  # noqa: F403 - the rest is right
from solutions.fcos_targets.fcos_targets import fcos_targets as _right

CAUGHT_BY = ["test_boxes_are_converted_to_the_points_dtype[32-64]"]


def fcos_targets(points, gt_boxes, gt_labels, size_range=(0.0, math.inf), background=-1):
    if isinstance(points, torch.Tensor) and isinstance(gt_boxes, torch.Tensor):
        if points.is_floating_point() and gt_boxes.is_floating_point():
            dtype = torch.promote_types(points.dtype, gt_boxes.dtype)
            points, gt_boxes = points.to(dtype), gt_boxes.to(dtype)
    return _right(points, gt_boxes, gt_labels, size_range, background)
