"""Softmax focal loss with the modulating factor p_t**gamma instead of (1 - p_t)**gamma (easy examples weigh most)."""

import torch
import torch.nn.functional as F

from solutions.focal_loss.focal_loss import *
from solutions.focal_loss.focal_loss import _check_reduction


def softmax_focal_loss(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    _check_reduction(reduction)
    n, c = logits.shape
    if target.shape != (n,) or (n and (int(target.min()) < 0 or int(target.max()) >= c)):
        raise ValueError("target: expected [N] class indices in [0, C)")
    log_p_t = F.log_softmax(logits, dim=1).gather(1, target[:, None]).squeeze(1)
    loss = -(log_p_t.exp() ** gamma) * log_p_t
    if isinstance(alpha, torch.Tensor):
        if alpha.shape != (c,):
            raise ValueError("alpha: expected one weight per class")
        loss = alpha.to(logits)[target] * loss
    elif alpha is not None:
        loss = alpha * loss
    return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]


CAUGHT_BY = ["test_softmax_focal_loss_matches_formula", "test_softmax_default_is_gamma_two_mean_no_alpha"]
