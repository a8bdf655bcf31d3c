"""Converts integer tensors and lists to float tensors instead of refusing them with TypeError."""

import torch

from solutions.iou_losses import iou_losses as _ref
from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_arguments_that_are_not_float_tensors"]


def _wrap(fn, pred, target, reduction, eps):
    def floats(x):
        return x if isinstance(x, torch.Tensor) and x.is_floating_point() else torch.as_tensor(x).float()

    return fn(floats(pred), floats(target), reduction, eps)


def iou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.iou_loss, pred, target, reduction, eps)


def giou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.giou_loss, pred, target, reduction, eps)


def diou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.diou_loss, pred, target, reduction, eps)


def ciou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.ciou_loss, pred, target, reduction, eps)
