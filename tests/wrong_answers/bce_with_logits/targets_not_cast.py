"""Never converts targets and pos_weight to the logits' dtype: float64 targets turn a float32 loss into float64."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_returns_the_logits_dtype_whatever_the_others[float32]"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    _right(logits, targets, pos_weight, reduction)  # the argument checks
    neg_log_sigmoid = (logits.abs() - logits) / 2 + torch.log1p(torch.exp(-logits.abs()))
    weight = 1 if pos_weight is None else 1 + (pos_weight - 1) * targets  # promotes to the wider dtype
    loss = (1 - targets) * logits + weight * neg_log_sigmoid
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
