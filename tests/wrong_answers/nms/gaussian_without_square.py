"""Soft-NMS gaussian decay written exp(-iou / sigma) instead of exp(-iou**2 / sigma)."""

import torch

from solutions.nms.nms import *
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = [
    "test_soft_nms_gaussian_decays_by_exp_of_minus_iou_squared_over_sigma",
    "test_soft_nms_gaussian_matches_reference",
]


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    _check_boxes_scores(boxes, scores)
    if method not in ("gaussian", "linear"):
        raise ValueError(f"method: expected 'gaussian' or 'linear', got {method!r}")
    if method == "gaussian" and not sigma > 0:
        raise ValueError(f"sigma: expected a positive number, got {sigma!r}")
    idx = torch.nonzero(scores >= score_threshold).flatten()
    cur = scores[idx]
    b = boxes[idx]
    keep, kept = [], []
    while idx.numel() > 0:
        p = int(torch.argmax(cur))
        keep.append(int(idx[p]))
        kept.append(cur[p])
        wh = (torch.minimum(b[p, 2:], b[:, 2:]) - torch.maximum(b[p, :2], b[:, :2])).clamp(min=0)
        inter = wh[:, 0] * wh[:, 1]
        area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
        union = area[p] + area - inter
        iou = torch.where(union > 0, inter / union.clamp(min=1e-12), 0.0)
        if method == "gaussian":
            cur = cur * torch.exp(-iou / sigma)
        else:
            cur = torch.where(iou > iou_threshold, cur * (1 - iou), cur)
        alive = cur >= score_threshold
        alive[p] = False
        idx, cur, b = idx[alive], cur[alive], b[alive]
    return torch.tensor(keep, dtype=torch.int64), (torch.stack(kept) if kept else scores.new_empty(0))
