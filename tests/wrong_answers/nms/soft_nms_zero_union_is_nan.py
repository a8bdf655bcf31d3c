"""Soft-NMS divides the intersection by the union without a guard: two boxes of zero area get an IoU of NaN and vanish."""

import torch

from solutions.nms.nms import *  # noqa: F403 - the rest is right
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_soft_nms_keeps_two_identical_points_with_their_scores"]


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    _check_boxes_scores(boxes, scores)
    if method not in ("gaussian", "linear"):
        raise ValueError(f"method: expected 'gaussian' or 'linear', got {method!r}")
    if method == "gaussian" and not sigma > 0:
        raise ValueError(f"sigma: expected a positive number for the gaussian method, got {sigma!r}")
    idx = torch.nonzero(scores >= score_threshold).flatten()
    current = scores[idx]
    x1, y1, x2, y2 = boxes[idx].unbind(1)
    area = (x2 - x1) * (y2 - y1)
    keep, kept_scores = [], []
    while idx.numel() > 0:
        best = int(torch.argmax(current))
        keep.append(idx[best])
        kept_scores.append(current[best])
        w = (torch.minimum(x2[best], x2) - torch.maximum(x1[best], x1)).clamp(min=0)
        h = (torch.minimum(y2[best], y2) - torch.maximum(y1[best], y1)).clamp(min=0)
        inter = w * h
        iou = (inter / (area[best] + area - inter)).to(current.dtype)  # 0 / 0 = NaN for two points
        if method == "gaussian":
            current = current * torch.exp(-(iou * iou) / sigma)
        else:
            current = torch.where(iou > iou_threshold, current * (1 - iou), current)
        alive = current >= score_threshold  # NaN >= threshold is False: the box is dropped
        alive[best] = False
        idx, current, area = idx[alive], current[alive], area[alive]
        x1, y1, x2, y2 = x1[alive], y1[alive], x2[alive], y2[alive]
    if not keep:
        return torch.empty(0, dtype=torch.int64), scores.new_empty(0)
    return torch.stack(keep).to(torch.int64), torch.stack(kept_scores)
