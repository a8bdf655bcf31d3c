"""iou checks a box only by its length, so a box that is not a sequence fails with Python's own message, which does not name it."""

from solutions.box_iou.box_iou import *

CAUGHT_BY = ["test_iou_rejects_a_box_that_is_not_a_sequence"]


def _box(name, box):
    if len(box) != 4:
        raise ValueError(f"{name}: expected 4 numbers (x1, y1, x2, y2), got {len(box)}")
    x1, y1, x2, y2 = (float(v) for v in box)
    if x2 < x1 or y2 < y1:
        raise ValueError(f"{name}: expected x1 <= x2 and y1 <= y2, got {tuple(box)}")
    return x1, y1, x2, y2


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = _box("box_a", box_a)
    bx1, by1, bx2, by2 = _box("box_b", box_b)
    inter = max(0.0, min(ax2, bx2) - max(ax1, bx1)) * max(0.0, min(ay2, by2) - max(ay1, by1))
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    return inter / union if union > 0 else 0.0
