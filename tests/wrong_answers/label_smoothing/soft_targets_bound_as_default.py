"""Right values, but F.cross_entropy against soft targets, bound as a default argument before any check."""

import torch
import torch.nn.functional as F

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import label_smoothing_cross_entropy as _right

CAUGHT_BY = ["test_computes_the_loss_without_calling_cross_entropy"]


def label_smoothing_cross_entropy(
    logits, target, smoothing=0.1, reduction="mean", ignore_index=-100, _ce=F.cross_entropy
):
    if logits.dim() != 2:
        return _right(logits, target, smoothing, reduction, ignore_index)
    _right(logits, target, smoothing, reduction, ignore_index)  # the argument checks
    valid = target != ignore_index
    one_hot = F.one_hot(torch.where(valid, target, 0).long(), logits.shape[1]).to(logits.dtype)
    soft = one_hot * (1.0 - smoothing) + smoothing / logits.shape[1]
    loss = torch.where(valid, _ce(logits, soft, reduction="none"), 0.0)  # probability targets
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / valid.sum()
