"""Right values here, but each term comes from torch._C._nn.binary_cross_entropy on σ(x), a built-in BCE."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_computes_the_loss_without_calling_the_built_in"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    _right(logits, targets, pos_weight, reduction)  # the argument checks
    targets = targets.to(logits.dtype)
    p = torch.sigmoid(logits)
    positive = torch._C._nn.binary_cross_entropy(p, torch.ones_like(p), None, 0)  # -log σ(x), no reduction
    negative = torch._C._nn.binary_cross_entropy(p, torch.zeros_like(p), None, 0)
    w = 1 if pos_weight is None else pos_weight.to(logits.dtype)
    loss = w * targets * positive + (1 - targets) * negative
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
