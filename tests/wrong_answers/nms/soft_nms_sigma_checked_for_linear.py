"""Refuses a non-positive sigma whatever the method, although only the gaussian method uses sigma."""

from solutions.nms.nms import *  # noqa: F403 - the rest is right
from solutions.nms.nms import soft_nms as _right_soft_nms

CAUGHT_BY = ["test_soft_nms_linear_accepts_any_sigma"]


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    if not sigma > 0:
        raise ValueError(f"sigma: expected a positive number, got {sigma!r}")
    return _right_soft_nms(boxes, scores, sigma, iou_threshold, score_threshold, method)
