"""Softmax focal loss from softmax(logits).log(): log(0) = -inf for logits of ±1e4."""

import torch

from solutions.focal_loss.focal_loss import *


def softmax_focal_loss(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"reduction: expected 'none', 'mean' or 'sum', got {reduction!r}")
    n, c = logits.shape
    if target.shape != (n,) or (n and (int(target.min()) < 0 or int(target.max()) >= c)):
        raise ValueError("target: expected [N] class indices in [0, C)")
    p_t = torch.softmax(logits, dim=1).gather(1, target[:, None]).squeeze(1)
    loss = -((1 - p_t) ** gamma) * torch.log(p_t)
    if isinstance(alpha, torch.Tensor):
        if alpha.shape != (c,):
            raise ValueError("alpha: expected one weight per class")
        loss = alpha.to(logits)[target] * loss
    elif alpha is not None:
        loss = alpha * loss
    return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]


CAUGHT_BY = ["test_softmax_focal_loss_is_finite_for_huge_logits"]
