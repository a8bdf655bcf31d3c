"""Widths and heights as x2 - x1 + 1, the pixel-index convention of old detection code."""

import torch

from solutions.box_iou.box_iou import *  # noqa: F403 - the rest is right
from solutions.box_iou.box_iou import _check_boxes, _check_pair_box

CAUGHT_BY = ["test_iou_measures_width_as_x2_minus_x1", "test_box_iou_matches_pairwise_reference"]


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = _check_pair_box("box_a", box_a)
    bx1, by1, bx2, by2 = _check_pair_box("box_b", box_b)
    iw = max(0.0, min(ax2, bx2) - max(ax1, bx1) + 1)
    ih = max(0.0, min(ay2, by2) - max(ay1, by1) + 1)
    inter = iw * ih
    union = (ax2 - ax1 + 1) * (ay2 - ay1 + 1) + (bx2 - bx1 + 1) * (by2 - by1 + 1) - inter
    return inter / union


def box_iou(boxes1, boxes2):
    _check_boxes("boxes1", boxes1)
    _check_boxes("boxes2", boxes2)
    area1 = (boxes1[:, 2] - boxes1[:, 0] + 1) * (boxes1[:, 3] - boxes1[:, 1] + 1)
    area2 = (boxes2[:, 2] - boxes2[:, 0] + 1) * (boxes2[:, 3] - boxes2[:, 1] + 1)
    lt = torch.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt + 1).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)
