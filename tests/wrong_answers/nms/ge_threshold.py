"""Suppresses boxes whose IoU is at or above the threshold (>=) instead of strictly above it."""

import torch

from solutions.nms.nms import *
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_keeps_box_exactly_at_threshold"]


def nms(boxes, scores, iou_threshold):
    _check_boxes_scores(boxes, scores)
    order = torch.sort(scores, descending=True, stable=True).indices
    x1, y1, x2, y2 = boxes[order].unbind(1)
    area = (x2 - x1) * (y2 - y1)
    keep = []
    alive = torch.arange(order.numel())
    while alive.numel() > 0:
        best = int(alive[0])
        keep.append(best)
        rest = alive[1:]
        w = (torch.minimum(x2[best], x2[rest]) - torch.maximum(x1[best], x1[rest])).clamp(min=0)
        h = (torch.minimum(y2[best], y2[rest]) - torch.maximum(y1[best], y1[rest])).clamp(min=0)
        inter = w * h
        iou = inter / (area[best] + area[rest] - inter)
        alive = rest[iou < iou_threshold]
    return order[torch.tensor(keep, dtype=torch.int64)]
