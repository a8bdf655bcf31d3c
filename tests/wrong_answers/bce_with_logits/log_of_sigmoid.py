"""The textbook formula y·log σ(x) + (1 - y)·log(1 - σ(x)): inf once σ(x) rounds to 0 or 1."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_huge_logits_give_finite_exact_loss_and_gradients"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    if targets.shape != logits.shape:
        raise ValueError("targets: shape differs from logits")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"reduction: unknown {reduction!r}")
    p = torch.sigmoid(logits)
    w = 1.0 if pos_weight is None else pos_weight
    loss = -(w * targets * torch.log(p) + (1 - targets) * torch.log(1 - p))
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
