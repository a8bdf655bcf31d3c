"""A 0-d logit with pos_weight of shape [1] gives a loss of shape [1] (as the built-in), not a 0-d one."""

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_accepts_a_scalar_logit"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    out = _right(logits, targets, pos_weight, reduction)
    if pos_weight is not None and reduction == "none" and out.dim() == 0:
        return out.reshape(pos_weight.shape)  # the broadcast against pos_weight's [1]
    return out
