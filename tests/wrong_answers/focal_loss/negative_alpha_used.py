"""Sigmoid focal loss that always applies alpha_t, so alpha=-1 weighs positives by -1 and negatives by 2."""

import torch.nn.functional as F

from solutions.focal_loss.focal_loss import *
from solutions.focal_loss.focal_loss import _check_reduction


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    _check_reduction(reduction)
    if alpha > 1:
        raise ValueError(f"alpha: expected a weight in [0, 1], got {alpha}")
    if targets.shape != inputs.shape:
        raise ValueError("targets: expected the shape of inputs")
    p = inputs.sigmoid()
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = (alpha * targets + (1 - alpha) * (1 - targets)) * ce * (1 - p_t) ** gamma
    return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]


CAUGHT_BY = [
    "test_sigmoid_negative_alpha_disables_weighting",
    "test_sigmoid_gamma_zero_without_alpha_is_binary_cross_entropy",
]
