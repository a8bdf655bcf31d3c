"""Leaves out the square root of the centerness product."""

import math

import torch

from solutions.fcos_targets.fcos_targets import *  # noqa: F403 - the rest is right
from solutions.fcos_targets.fcos_targets import _check_args

CAUGHT_BY = ["test_centerness_of_hand_worked_points", "test_matches_loop_reference_on_random_scenes"]


def fcos_targets(points, gt_boxes, gt_labels, size_range=(0.0, math.inf), background=-1):
    lo, hi = _check_args(points, gt_boxes, gt_labels, size_range, background)
    boxes = gt_boxes.to(points.dtype)
    x = points[:, 0:1]
    y = points[:, 1:2]
    ltrb_all = torch.stack((x - boxes[:, 0], y - boxes[:, 1], boxes[:, 2] - x, boxes[:, 3] - y), dim=2)

    inside = ltrb_all.amin(dim=2) > 0
    reach = ltrb_all.amax(dim=2)
    candidate = inside & (reach >= lo) & (reach <= hi)

    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    num_points = points.shape[0]
    if boxes.shape[0] == 0:
        positive = torch.zeros(num_points, dtype=torch.bool, device=points.device)
        winner = torch.zeros(num_points, dtype=torch.int64, device=points.device)
        ltrb = points.new_zeros(num_points, 4)
    else:
        masked = torch.where(candidate, areas[None, :], torch.full_like(reach, math.inf))
        winner = masked.argmin(dim=1)
        positive = candidate.any(dim=1)
        ltrb = ltrb_all[torch.arange(num_points, device=points.device), winner]
        ltrb = torch.where(positive[:, None], ltrb, torch.zeros_like(ltrb))

    labels = torch.full((num_points,), background, dtype=gt_labels.dtype, device=points.device)
    if boxes.shape[0]:
        labels = torch.where(positive, gt_labels.to(points.device)[winner], labels)

    left, top, right, bottom = ltrb.unbind(dim=1)
    lr = torch.minimum(left, right) / torch.maximum(left, right).clamp(min=torch.finfo(ltrb.dtype).tiny)
    tb = torch.minimum(top, bottom) / torch.maximum(top, bottom).clamp(min=torch.finfo(ltrb.dtype).tiny)
    centerness = torch.where(positive, (lr * tb), torch.zeros_like(lr))
    return labels, ltrb, centerness
