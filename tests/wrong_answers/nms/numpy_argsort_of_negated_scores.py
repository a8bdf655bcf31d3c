"""Orders the boxes with NumPy's default argsort of the negated scores, which is not stable: among many equal scores a higher index can come first."""

import numpy as np
import torch

from solutions.nms.nms import *  # noqa: F403 - the rest is right
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_equal_scores_keep_lower_index_first_in_many_tied_groups"]


def nms(boxes, scores, iou_threshold):
    _check_boxes_scores(boxes, scores)
    order = torch.from_numpy(np.argsort(-scores.detach().cpu().numpy())).to(torch.int64)
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
        alive = rest[~(inter > iou_threshold * (area[best] + area[rest] - inter))]
    return order[torch.tensor(keep, dtype=torch.int64)]
