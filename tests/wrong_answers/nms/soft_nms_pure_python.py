"""Right Soft-NMS from a plain Python double loop: 12.5 million interpreted IoUs and decays for 5,000 boxes."""

import math

import torch

from solutions.nms.nms import *
from solutions.nms.nms import _check_boxes_scores

CAUGHT_BY = ["test_soft_nms_handles_5000_boxes"]


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    _check_boxes_scores(boxes, scores)
    if method not in ("gaussian", "linear"):
        raise ValueError(f"method: expected 'gaussian' or 'linear', got {method!r}")
    if method == "gaussian" and not sigma > 0:
        raise ValueError(f"sigma: expected a positive number, got {sigma!r}")
    b = boxes.tolist()
    current = {i: v for i, v in enumerate(scores.tolist()) if v >= score_threshold}
    keep, kept = [], []
    while current:
        best = max(current, key=lambda i: (current[i], -i))
        keep.append(best)
        kept.append(current.pop(best))
        x1, y1, x2, y2 = b[best]
        area = (x2 - x1) * (y2 - y1)
        for j in list(current):
            u1, v1, u2, v2 = b[j]
            iw, ih = min(x2, u2) - max(x1, u1), min(y2, v2) - max(y1, v1)
            iou = 0.0
            if iw > 0 and ih > 0:
                inter = iw * ih
                union = area + (u2 - u1) * (v2 - v1) - inter
                iou = inter / union if union > 0 else 0.0
            if method == "gaussian":
                current[j] *= math.exp(-(iou * iou) / sigma)
            elif iou > iou_threshold:
                current[j] *= 1 - iou
            if current[j] < score_threshold:
                del current[j]
    return torch.tensor(keep, dtype=torch.int64), torch.tensor(kept, dtype=scores.dtype)
