"""Returns an empty result as soon as there are no boxes, before checking the arguments."""

import torch

import solutions.nms.nms as _solution
from solutions.nms.nms import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_checks_arguments_even_when_there_are_no_boxes"]


def _empty(boxes):
    return isinstance(boxes, torch.Tensor) and boxes.shape[0] == 0


def nms(boxes, scores, iou_threshold):
    if _empty(boxes):
        return torch.empty(0, dtype=torch.int64)
    return _solution.nms(boxes, scores, iou_threshold)


def batched_nms(boxes, scores, idxs, iou_threshold):
    if _empty(boxes):
        return torch.empty(0, dtype=torch.int64)
    return _solution.batched_nms(boxes, scores, idxs, iou_threshold)


def soft_nms(boxes, scores, sigma=0.5, iou_threshold=0.3, score_threshold=0.001, method="gaussian"):
    if _empty(boxes):
        return torch.empty(0, dtype=torch.int64), scores.new_empty(0)
    return _solution.soft_nms(boxes, scores, sigma, iou_threshold, score_threshold, method)
