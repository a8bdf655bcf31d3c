"""Softmax focal loss whose mean divides by the sum of the alpha weights, as F.cross_entropy(weight=...) does."""

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
    loss = -((1 - log_p_t.exp()) ** gamma) * log_p_t
    if isinstance(alpha, torch.Tensor):
        if alpha.shape != (c,):
            raise ValueError("alpha: expected one weight per class")
        w = alpha.to(logits)[target]
    elif alpha is not None:
        w = torch.full_like(loss, alpha)
    else:
        w = torch.ones_like(loss)
    loss = w * loss
    if reduction == "mean":
        return loss.sum() / w.sum()
    return loss.sum() if reduction == "sum" else loss


CAUGHT_BY = ["test_softmax_mean_is_the_plain_mean_over_examples"]
