"""Soft-NMS that sorts the scores once and then visits boxes in that order, decaying the later ones: a
decayed box is still selected at its old place instead of when it is the highest score left."""

import torch

from solutions.nms.nms import *
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_soft_nms_handles_5000_boxes"]


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    _check_boxes_scores(boxes, scores)
    if method not in ("gaussian", "linear"):
        raise ValueError(f"method: expected 'gaussian' or 'linear', got {method!r}")
    if method == "gaussian" and not sigma > 0:
        raise ValueError(f"sigma: expected a positive number for the gaussian method, got {sigma!r}")
    order = torch.sort(scores, descending=True, stable=True).indices
    current = scores.clone()
    x1, y1, x2, y2 = boxes.unbind(1)
    area = (x2 - x1) * (y2 - y1)
    alive = scores >= score_threshold
    keep, kept = [], []
    for i in order.tolist():
        if not alive[i]:
            continue
        keep.append(i)
        kept.append(current[i])
        alive[i] = False
        w = (torch.minimum(x2[i], x2) - torch.maximum(x1[i], x1)).clamp(min=0)
        h = (torch.minimum(y2[i], y2) - torch.maximum(y1[i], y1)).clamp(min=0)
        inter = w * h
        union = area[i] + area - inter
        iou = torch.where(union > 0, inter / union.clamp(min=1e-12), torch.zeros_like(union))
        if method == "gaussian":
            decayed = current * torch.exp(-(iou * iou) / sigma)
        else:
            decayed = torch.where(iou > iou_threshold, current * (1 - iou), current)
        current = torch.where(alive, decayed, current)
        alive &= current >= score_threshold
    if not keep:
        return torch.empty(0, dtype=torch.int64), scores.new_empty(0)
    return torch.tensor(keep, dtype=torch.int64), torch.stack(kept)
