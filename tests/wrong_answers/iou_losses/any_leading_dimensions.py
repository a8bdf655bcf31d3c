"""Takes boxes of any shape ending in 4, as torchvision does, where the exercise asks for [N, 4] exactly."""

import torch

from solutions.iou_losses import iou_losses as _ref
from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_boxes_that_are_not_n_by_4"]


def _wrap(fn, pred, target, reduction, eps):
    if isinstance(pred, torch.Tensor) and isinstance(target, torch.Tensor) and pred.dim() != 2 and pred.shape[-1] == 4:
        if pred.shape == target.shape:
            loss = fn(pred.reshape(-1, 4), target.reshape(-1, 4), "none", eps).reshape(pred.shape[:-1])
            return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]
    return fn(pred, target, reduction, eps)


def iou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.iou_loss, pred, target, reduction, eps)


def giou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.giou_loss, pred, target, reduction, eps)


def diou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.diou_loss, pred, target, reduction, eps)


def ciou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.ciou_loss, pred, target, reduction, eps)
