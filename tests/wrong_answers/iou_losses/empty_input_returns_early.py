"""Returns a zero loss as soon as there are no pairs, before checking the reduction and the shapes."""

import torch

from solutions.iou_losses import iou_losses as _ref
from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_checks_arguments_even_with_no_pairs"]


def _wrap(fn, pred, target, reduction, eps):
    if isinstance(pred, torch.Tensor) and pred.shape[0] == 0:
        return pred.new_zeros(0) if reduction == "none" else pred.new_zeros(())
    return fn(pred, target, reduction, eps)


def iou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.iou_loss, pred, target, reduction, eps)


def giou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.giou_loss, pred, target, reduction, eps)


def diou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.diou_loss, pred, target, reduction, eps)


def ciou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.ciou_loss, pred, target, reduction, eps)
