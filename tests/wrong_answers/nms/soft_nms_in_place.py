"""Soft-NMS that decays the caller's scores tensor in place (and linear decay for every overlap)."""

import torch

from solutions.nms.nms import *
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_inputs_are_left_unchanged", "test_soft_nms_linear_decays_only_above_threshold"]


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    _check_boxes_scores(boxes, scores)
    if method not in ("gaussian", "linear"):
        raise ValueError(f"method: expected 'gaussian' or 'linear', got {method!r}")
    if method == "gaussian" and not sigma > 0:
        raise ValueError(f"sigma: expected a positive number, got {sigma!r}")
    alive = torch.nonzero(scores >= score_threshold).flatten()
    keep, kept = [], []
    while alive.numel() > 0:
        p = int(torch.argmax(scores[alive]))
        i = alive[p]
        keep.append(int(i))
        kept.append(scores[i].clone())
        alive = torch.cat([alive[:p], alive[p + 1 :]])
        b, r = boxes[i], boxes[alive]
        wh = (torch.minimum(b[2:], r[:, 2:]) - torch.maximum(b[:2], r[:, :2])).clamp(min=0)
        inter = wh[:, 0] * wh[:, 1]
        union = (b[2] - b[0]) * (b[3] - b[1]) + (r[:, 2] - r[:, 0]) * (r[:, 3] - r[:, 1]) - inter
        iou = torch.where(union > 0, inter / union.clamp(min=1e-12), 0.0)
        if method == "gaussian":
            scores[alive] *= torch.exp(-(iou * iou) / sigma)
        else:
            scores[alive] *= 1 - iou
        alive = alive[scores[alive] >= score_threshold]
    return torch.tensor(keep, dtype=torch.int64), (torch.stack(kept) if kept else scores.new_empty(0))
