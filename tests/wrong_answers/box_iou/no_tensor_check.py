"""box_iou checks the dtype of its arguments but not that they are tensors: a list fails with an unrelated error."""

from solutions.box_iou.box_iou import *
from solutions.box_iou.box_iou import box_iou as _right_box_iou

CAUGHT_BY = ["test_box_iou_rejects_arguments_that_are_not_float_tensors"]


def box_iou(boxes1, boxes2):
    for name, boxes in (("boxes1", boxes1), ("boxes2", boxes2)):
        if not boxes.is_floating_point():
            raise TypeError(f"{name}: expected a floating-point tensor, got dtype {boxes.dtype}")
    return _right_box_iou(boxes1, boxes2)
