"""Sigmoid focal loss from log(sigmoid(x)) and log(1 - sigmoid(x)): -inf and NaN once sigmoid rounds to 0 or 1."""

import torch

from solutions.focal_loss.focal_loss import *


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"reduction: expected 'none', 'mean' or 'sum', got {reduction!r}")
    if alpha > 1:
        raise ValueError(f"alpha: expected a weight in [0, 1], got {alpha}")
    if targets.shape != inputs.shape:
        raise ValueError("targets: expected the shape of inputs")
    p = torch.sigmoid(inputs)
    ce = -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p))
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]


CAUGHT_BY = ["test_sigmoid_focal_loss_is_finite_for_huge_logits", "test_sigmoid_focal_loss_matches_torchvision"]
