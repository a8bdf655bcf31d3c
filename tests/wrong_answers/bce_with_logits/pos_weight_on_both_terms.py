"""Multiplies the whole loss by pos_weight, the negative term included, instead of the positive term only."""

from solutions.bce_with_logits import bce_with_logits as _ref
from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_pos_weight_scales_the_positive_term_per_class",
    "test_pos_weight_of_one_entry_applies_to_every_class",
]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    loss = _ref.bce_with_logits(logits, targets, None, "none")
    if pos_weight is not None:
        loss = loss * pos_weight
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
