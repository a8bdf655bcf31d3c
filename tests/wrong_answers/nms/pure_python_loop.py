"""Right answers from a plain Python double loop over the boxes: O(n^2) interpreted work for 5,000 boxes."""

import torch

from solutions.nms.nms import *
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_nms_handles_5000_boxes_without_a_pure_python_loop"]


def nms(boxes, scores, iou_threshold):
    _check_boxes_scores(boxes, scores)
    b, s = boxes.tolist(), scores.tolist()
    order = sorted(range(len(s)), key=lambda i: (-s[i], i))
    suppressed = [False] * len(s)
    keep = []
    for pos, i in enumerate(order):
        if suppressed[i]:
            continue
        keep.append(i)
        x1, y1, x2, y2 = b[i]
        area = (x2 - x1) * (y2 - y1)
        for j in order[pos + 1 :]:
            if suppressed[j]:
                continue
            u1, v1, u2, v2 = b[j]
            iw, ih = min(x2, u2) - max(x1, u1), min(y2, v2) - max(y1, v1)
            if iw <= 0 or ih <= 0:
                continue
            inter = iw * ih
            if inter / (area + (u2 - u1) * (v2 - v1) - inter) > iou_threshold:
                suppressed[j] = True
    return torch.tensor(keep, dtype=torch.int64, device=boxes.device)
