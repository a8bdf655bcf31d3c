"""Checks logits.is_floating_point() without checking for a tensor first: a list raises AttributeError."""

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_rejects_logits_that_are_not_a_floating_point_tensor[a list]"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    if not logits.is_floating_point():
        raise TypeError(f"logits: expected a floating-point tensor, got {logits.dtype}")
    return _right(logits, targets, pos_weight, reduction)
