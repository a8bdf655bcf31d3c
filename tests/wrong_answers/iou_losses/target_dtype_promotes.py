"""Lets torch promote mixed dtypes: a float64 target turns the losses of float32 predictions into float64."""

import torch

from solutions.iou_losses import iou_losses as _ref
from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_loss_comes_back_in_the_dtype_of_pred"]


def _wrap(fn, pred, target, reduction, eps):
    if isinstance(pred, torch.Tensor) and isinstance(target, torch.Tensor):
        if pred.is_floating_point() and target.is_floating_point():
            pred = pred.to(torch.promote_types(pred.dtype, target.dtype))
    return fn(pred, target, reduction, eps)


def iou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.iou_loss, pred, target, reduction, eps)


def giou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.giou_loss, pred, target, reduction, eps)


def diou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.diou_loss, pred, target, reduction, eps)


def ciou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.ciou_loss, pred, target, reduction, eps)
