"""box_iou fills a result made in boxes1's dtype, so float32 with float64 boxes comes back float32, not float64."""

import torch

from solutions.box_iou.box_iou import *
from solutions.box_iou.box_iou import _check_boxes

CAUGHT_BY = ["test_box_iou_of_mixed_dtypes_has_the_promoted_dtype"]


def box_iou(boxes1, boxes2):
    _check_boxes("boxes1", boxes1)
    _check_boxes("boxes2", boxes2)
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    top_left = torch.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    bottom_right = torch.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (bottom_right - top_left).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    union = area1[:, None] + area2[None, :] - inter
    out = torch.zeros(len(boxes1), len(boxes2), dtype=boxes1.dtype)
    positive = union > 0
    out[positive] = (inter[positive] / union[positive]).to(out.dtype)
    return out
