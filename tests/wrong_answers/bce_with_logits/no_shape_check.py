"""Lets targets of shape [N] broadcast against logits of shape [N, 1]: an [N, N] loss, averaged silently."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_targets_of_another_shape"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"reduction: unknown {reduction!r}")
    if pos_weight is not None and pos_weight.numel() not in (1, logits.shape[-1]):
        raise ValueError("pos_weight: one weight per class expected")
    neg_log_sigmoid = (logits.abs() - logits) / 2 + torch.log1p(torch.exp(-logits.abs()))
    weight = 1.0 if pos_weight is None else 1 + (pos_weight - 1) * targets
    loss = (1 - targets) * logits + weight * neg_log_sigmoid
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
