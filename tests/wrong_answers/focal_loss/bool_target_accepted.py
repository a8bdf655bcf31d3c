"""Softmax focal loss takes a bool tensor as class indices (False and True as classes 0 and 1) instead of refusing it."""

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_softmax_rejects_wrong_types_and_shapes[bool target]"]


def softmax_focal_loss(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    if isinstance(target, torch.Tensor) and target.dtype == torch.bool:  # noqa: F405
        target = target.long()
    return _solution.softmax_focal_loss(logits, target, alpha, gamma, reduction)
