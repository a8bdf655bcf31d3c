"""box_iou returns an empty result as soon as one set is empty, before checking the shapes and dtypes of its arguments."""

from solutions.box_iou.box_iou import *
from solutions.box_iou.box_iou import box_iou as _right_box_iou

CAUGHT_BY = ["test_box_iou_checks_its_arguments_even_when_a_set_is_empty"]


def box_iou(boxes1, boxes2):
    if boxes1.numel() == 0 or boxes2.numel() == 0:
        return boxes1.new_zeros(len(boxes1), len(boxes2))
    return _right_box_iou(boxes1, boxes2)
