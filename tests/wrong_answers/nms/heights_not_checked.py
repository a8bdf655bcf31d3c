"""Checks that x2 >= x1 for every box but never that y2 >= y1."""

import torch

import solutions.nms.nms as _solution
from solutions.nms.nms import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_nms_rejects_bad_input[y2 below y1]",
    "test_batched_and_soft_nms_check_boxes_and_scores_like_nms[y2 below y1-batched_nms]",
    "test_batched_and_soft_nms_check_boxes_and_scores_like_nms[y2 below y1-soft_nms]",
]


def _widths_only(boxes):
    # Give every upside-down box a height of 0 before the solution's check sees it.
    if isinstance(boxes, torch.Tensor) and boxes.dim() == 2 and boxes.shape[1] == 4 and boxes.is_floating_point():
        boxes = boxes.clone()
        boxes[:, 3] = torch.maximum(boxes[:, 1], boxes[:, 3])
    return boxes


def nms(boxes, scores, iou_threshold):
    return _solution.nms(_widths_only(boxes), scores, iou_threshold)


def batched_nms(boxes, scores, idxs, iou_threshold):
    return _solution.batched_nms(_widths_only(boxes), scores, idxs, iou_threshold)


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    return _solution.soft_nms(_widths_only(boxes), scores, sigma, iou_threshold, score_threshold, method)
