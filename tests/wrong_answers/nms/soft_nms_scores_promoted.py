"""Soft-NMS multiplies the scores by IoUs computed in the boxes' dtype: float32 scores with float64 boxes come back as float64."""

import torch

from solutions.nms.nms import *  # noqa: F403 - the rest is right
from solutions.nms.nms import soft_nms as _right_soft_nms

CAUGHT_BY = ["test_soft_nms_kept_scores_take_the_scores_dtype[float64 boxes, float32 scores]"]


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    if isinstance(boxes, torch.Tensor) and isinstance(scores, torch.Tensor) and boxes.is_floating_point():
        if scores.is_floating_point() and boxes.dtype.itemsize > scores.dtype.itemsize:
            scores = scores.to(boxes.dtype)  # what torch's promotion does in current * decay
    return _right_soft_nms(boxes, scores, sigma, iou_threshold, score_threshold, method)
