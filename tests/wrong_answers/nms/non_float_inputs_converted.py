"""Converts integer tensors and lists to float tensors instead of refusing them with TypeError."""

import torch

import solutions.nms.nms as _solution
from solutions.nms.nms import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_boxes_or_scores_that_are_not_float_tensors"]


def _floats(x):
    return torch.as_tensor(x).float() if not (isinstance(x, torch.Tensor) and x.is_floating_point()) else x


def nms(boxes, scores, iou_threshold):
    return _solution.nms(_floats(boxes), _floats(scores), iou_threshold)


def batched_nms(boxes, scores, idxs, iou_threshold):
    return _solution.batched_nms(_floats(boxes), _floats(scores), idxs, iou_threshold)


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    return _solution.soft_nms(_floats(boxes), _floats(scores), sigma, iou_threshold, score_threshold, method)
