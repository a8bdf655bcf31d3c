"""Refuses a pos_weight that does not fit, but the message never says which argument ("expected 3 weights")."""

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_rejects_pos_weight_that_does_not_fit_the_class_axis"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    if pos_weight is not None and logits.dim() and pos_weight.numel() not in (1, logits.shape[-1]):
        raise ValueError(f"expected {logits.shape[-1]} weights (or 1), got {pos_weight.numel()}")
    return _right(logits, targets, pos_weight, reduction)
