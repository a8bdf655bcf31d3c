"""Drops the NLL of ignored targets but still adds their smoothing term (ε times the uniform cross-entropy)."""

import torch
import torch.nn.functional as F

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_ignored_targets_count_for_nothing", "test_gradients_match_cross_entropy"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    valid = target != ignore_index
    log_p = F.log_softmax(logits, dim=1)
    safe = torch.where(valid, target, torch.zeros_like(target))
    nll = -log_p.gather(1, safe.unsqueeze(1)).squeeze(1)
    nll = torch.where(valid, nll, torch.zeros_like(nll))
    loss = (1 - smoothing) * nll - smoothing * log_p.mean(1)
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / valid.sum()
