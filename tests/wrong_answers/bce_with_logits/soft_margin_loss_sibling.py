"""Right values, but each term comes from F.soft_margin_loss (log(1 + exp(-y x)) with y = ±1), a built-in."""

import torch
import torch.nn.functional as F

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_computes_the_loss_without_calling_the_built_in"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    _right(logits, targets, pos_weight, reduction)  # the argument checks
    targets = targets.to(logits.dtype)
    ones = torch.ones_like(logits)
    positive = F.soft_margin_loss(logits, ones, reduction="none")  # -log σ(x)
    negative = F.soft_margin_loss(logits, -ones, reduction="none")  # -log(1 - σ(x))
    w = 1 if pos_weight is None else pos_weight.to(logits.dtype)
    loss = w * targets * positive + (1 - targets) * negative
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
