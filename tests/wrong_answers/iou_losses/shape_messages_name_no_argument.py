"""Shape errors say only that the shapes do not match, never which argument is wrong."""

import torch

from solutions.iou_losses import iou_losses as _ref
from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_mismatched_boxes_and_unknown_reductions"]


def _wrap(fn, pred, target, reduction, eps):
    if isinstance(pred, torch.Tensor) and isinstance(target, torch.Tensor):
        if pred.shape != target.shape or pred.dim() != 2 or pred.shape[-1] != 4:
            raise ValueError(f"shape mismatch: {list(pred.shape)} and {list(target.shape)}, expected [N, 4] twice")
    return fn(pred, target, reduction, eps)


def iou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.iou_loss, pred, target, reduction, eps)


def giou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.giou_loss, pred, target, reduction, eps)


def diou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.diou_loss, pred, target, reduction, eps)


def ciou_loss(pred, target, reduction="none", eps=1e-7):
    return _wrap(_ref.ciou_loss, pred, target, reduction, eps)
