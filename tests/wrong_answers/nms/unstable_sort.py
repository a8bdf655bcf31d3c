"""Sorts the scores with an unstable sort: equal scores come out in no particular order."""

import torch

from solutions.nms.nms import *
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_equal_scores_keep_lower_index_first"]


def nms(boxes, scores, iou_threshold):
    _check_boxes_scores(boxes, scores)
    order = torch.sort(scores, descending=True).indices
    keep = []
    while order.numel() > 0:
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        b, r = boxes[i], boxes[rest]
        wh = (torch.minimum(b[2:], r[:, 2:]) - torch.maximum(b[:2], r[:, :2])).clamp(min=0)
        inter = wh[:, 0] * wh[:, 1]
        union = (b[2] - b[0]) * (b[3] - b[1]) + (r[:, 2] - r[:, 0]) * (r[:, 3] - r[:, 1]) - inter
        order = rest[~(inter > iou_threshold * union)]
    return torch.tensor(keep, dtype=torch.int64)
