"""iou returns the integer 0 when the union has no area, instead of the float 0.0 it promises."""

from solutions.box_iou.box_iou import *
from solutions.box_iou.box_iou import _check_pair_box

CAUGHT_BY = ["test_iou_returns_a_float_even_when_the_union_is_zero"]


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = _check_pair_box("box_a", box_a)
    bx1, by1, bx2, by2 = _check_pair_box("box_b", box_b)
    inter = max(0.0, min(ax2, bx2) - max(ax1, bx1)) * max(0.0, min(ay2, by2) - max(ay1, by1))
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    if union == 0:
        return 0
    return inter / union
