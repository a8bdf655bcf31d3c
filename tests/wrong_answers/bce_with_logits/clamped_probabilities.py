"""Clamps σ(x) into [1e-7, 1 - 1e-7] before the log: finite, but the loss saturates near 16 instead of |x|."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_huge_logits_give_finite_exact_loss_and_gradients"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    if targets.shape != logits.shape:
        raise ValueError("targets: shape differs from logits")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"reduction: unknown {reduction!r}")
    p = torch.sigmoid(logits).clamp(1e-7, 1 - 1e-7)
    w = 1.0 if pos_weight is None else pos_weight
    loss = -(w * targets * torch.log(p) + (1 - targets) * torch.log(1 - p))
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
