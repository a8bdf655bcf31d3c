"""box_iou turns float16 and bfloat16 boxes into float32 for accuracy and returns float32, not the input's dtype."""

import torch

from solutions.box_iou.box_iou import *
from solutions.box_iou.box_iou import box_iou as _right_box_iou

CAUGHT_BY = ["test_box_iou_keeps_half_precision_dtypes"]


def box_iou(boxes1, boxes2):
    if isinstance(boxes1, torch.Tensor) and boxes1.dtype in (torch.float16, torch.bfloat16):
        boxes1 = boxes1.float()
    if isinstance(boxes2, torch.Tensor) and boxes2.dtype in (torch.float16, torch.bfloat16):
        boxes2 = boxes2.float()
    return _right_box_iou(boxes1, boxes2)
