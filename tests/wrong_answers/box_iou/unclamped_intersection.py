"""Clamps the intersection area instead of each side: two negative sides multiply to a positive area."""

import torch

from solutions.box_iou.box_iou import *  # noqa: F403 - the rest is right
from solutions.box_iou.box_iou import _check_boxes, _check_pair_box

CAUGHT_BY = ["test_iou_is_zero_when_boxes_are_apart_on_both_axes", "test_box_iou_matches_pairwise_reference"]


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = _check_pair_box("box_a", box_a)
    bx1, by1, bx2, by2 = _check_pair_box("box_b", box_b)
    inter = max(0.0, (min(ax2, bx2) - max(ax1, bx1)) * (min(ay2, by2) - max(ay1, by1)))
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    return inter / union if union > 0 else 0.0


def box_iou(boxes1, boxes2):
    _check_boxes("boxes1", boxes1)
    _check_boxes("boxes2", boxes2)
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = rb - lt
    inter = (wh[..., 0] * wh[..., 1]).clamp(min=0)
    union = area1[:, None] + area2[None, :] - inter
    return torch.where(union > 0, inter / union.clamp(min=1e-12), torch.zeros_like(union))
