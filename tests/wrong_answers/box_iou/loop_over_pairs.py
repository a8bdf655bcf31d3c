"""Right values, but box_iou loops over every pair in Python: 16 million iterations for 4000 x 4000."""

import torch

from solutions.box_iou.box_iou import *  # noqa: F403 - the rest is right
from solutions.box_iou.box_iou import _check_boxes, iou

CAUGHT_BY = [
    "test_box_iou_handles_4000_by_4000_pairs_without_a_python_loop",
    "test_box_iou_does_not_loop_over_rows_or_columns",
]


def box_iou(boxes1, boxes2):
    _check_boxes("boxes1", boxes1)
    _check_boxes("boxes2", boxes2)
    out = torch.zeros(len(boxes1), len(boxes2), dtype=boxes1.dtype)
    for i, a in enumerate(boxes1.tolist()):
        for j, b in enumerate(boxes2.tolist()):
            out[i, j] = iou(a, b)
    return out
