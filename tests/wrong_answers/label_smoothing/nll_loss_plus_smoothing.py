"""Right values, but the true-class term comes from F.nll_loss, the core of the built-in cross-entropy."""

import torch
import torch.nn.functional as F

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import label_smoothing_cross_entropy as _right

CAUGHT_BY = ["test_computes_the_loss_without_calling_cross_entropy"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    _right(logits, target, smoothing, reduction, ignore_index)  # the argument checks
    log_p = F.log_softmax(logits, dim=1)
    valid = target != ignore_index
    nll = F.nll_loss(log_p, target, ignore_index=ignore_index, reduction="none")
    loss = torch.where(valid, (1 - smoothing) * nll - smoothing * log_p.mean(1), 0.0)
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / valid.sum()
