"""Divides by the union without a guard: two empty boxes give 0 / 0 = NaN."""

import torch

from solutions.box_iou.box_iou import *  # noqa: F403 - the rest is right
from solutions.box_iou.box_iou import _check_boxes, _check_pair_box

CAUGHT_BY = ["test_iou_of_two_empty_boxes_is_zero_not_nan", "test_box_iou_gives_zero_for_empty_boxes_not_nan"]


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = _check_pair_box("box_a", box_a)
    bx1, by1, bx2, by2 = _check_pair_box("box_b", box_b)
    inter = max(0.0, min(ax2, bx2) - max(ax1, bx1)) * max(0.0, min(ay2, by2) - max(ay1, by1))
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    try:
        return inter / union
    except ZeroDivisionError:
        return float("nan")


def box_iou(boxes1, boxes2):
    _check_boxes("boxes1", boxes1)
    _check_boxes("boxes2", boxes2)
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)
