"""Sorts the boxes by area with NumPy's default (unstable) sort: among equal areas the lowest index need not win."""

import math

import numpy as np
import torch

from solutions.fcos_targets.fcos_targets import *  # noqa: F403 - the rest is right
from solutions.fcos_targets.fcos_targets import _check_args

CAUGHT_BY = ["test_ties_between_many_equal_area_boxes_go_to_the_lowest_index"]


def fcos_targets(points, gt_boxes, gt_labels, size_range=(0.0, math.inf), background=-1):
    lo, hi = _check_args(points, gt_boxes, gt_labels, size_range, background)
    boxes = gt_boxes.to(points.dtype)
    num_points = points.shape[0]
    labels = torch.full((num_points,), background, dtype=gt_labels.dtype)
    ltrb = points.new_zeros(num_points, 4)
    centerness = points.new_zeros(num_points)
    if boxes.shape[0] == 0:
        return labels, ltrb, centerness
    areas = ((boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])).numpy()
    order = torch.from_numpy(np.argsort(areas))  # smallest area first; equal areas in no promised order
    x, y = points[:, 0:1], points[:, 1:2]
    ltrb_all = torch.stack((x - boxes[:, 0], y - boxes[:, 1], boxes[:, 2] - x, boxes[:, 3] - y), dim=2)
    reach = ltrb_all.amax(dim=2)
    candidate = (ltrb_all.amin(dim=2) > 0) & (reach >= lo) & (reach <= hi)
    positive = candidate.any(dim=1)
    winner = order[candidate[:, order].to(torch.int8).argmax(dim=1)]
    chosen = ltrb_all[torch.arange(num_points), winner]
    ltrb = torch.where(positive[:, None], chosen, ltrb)
    labels = torch.where(positive, gt_labels[winner], labels)
    left, top, right, bottom = ltrb.unbind(dim=1)
    lr = torch.minimum(left, right) / torch.maximum(left, right).clamp(min=torch.finfo(ltrb.dtype).tiny)
    tb = torch.minimum(top, bottom) / torch.maximum(top, bottom).clamp(min=torch.finfo(ltrb.dtype).tiny)
    centerness = torch.where(positive, torch.sqrt(lr * tb), centerness)
    return labels, ltrb, centerness
