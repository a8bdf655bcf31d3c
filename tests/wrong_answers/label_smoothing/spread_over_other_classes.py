"""Spreads ε over the C - 1 other classes (true class 1 - ε), not over all C classes as PyTorch does."""

import torch
import torch.nn.functional as F

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_smooth_one_hot_spreads_epsilon_over_all_classes",
    "test_loss_matches_cross_entropy_with_label_smoothing",
]


def smooth_one_hot(target, num_classes, smoothing):
    out = torch.full((*target.shape, num_classes), smoothing / (num_classes - 1))
    out.scatter_(-1, target.long().unsqueeze(-1), 1.0 - smoothing)
    return out


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    valid = target != ignore_index
    safe = torch.where(valid, target, torch.zeros_like(target))
    soft = smooth_one_hot(safe, logits.shape[1], smoothing).movedim(-1, 1).to(logits.dtype)
    loss = -(soft * F.log_softmax(logits, dim=1)).sum(1)
    loss = torch.where(valid, loss, torch.zeros_like(loss))
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / valid.sum()
