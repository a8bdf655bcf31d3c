"""Vectorised over one set only: a Python loop over the rows of boxes1."""

import torch

from solutions.box_iou.box_iou import *  # noqa: F403 - the rest is right
from solutions.box_iou.box_iou import _check_boxes

CAUGHT_BY = ["test_box_iou_does_not_loop_over_rows_or_columns[many rows]"]


def box_iou(boxes1, boxes2):
    _check_boxes("boxes1", boxes1)
    _check_boxes("boxes2", boxes2)
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    rows = []
    for box in boxes1:
        area1 = (box[2] - box[0]) * (box[3] - box[1])
        wh = (torch.minimum(box[2:], boxes2[:, 2:]) - torch.maximum(box[:2], boxes2[:, :2])).clamp(min=0)
        inter = wh[:, 0] * wh[:, 1]
        union = area1 + area2 - inter
        rows.append(torch.where(union > 0, inter / union.clamp(min=1e-30), torch.zeros_like(union)))
    return torch.stack(rows) if rows else boxes1.new_zeros(0, len(boxes2))
