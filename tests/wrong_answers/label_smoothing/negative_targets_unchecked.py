"""Checks only that targets are below C: a negative target that is not ignore_index slips through."""

import torch
import torch.nn.functional as F

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_loss_rejects_targets_that_do_not_fit[negative class index]"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    if not isinstance(logits, torch.Tensor) or not logits.is_floating_point():
        raise TypeError("logits: expected a floating-point tensor")
    if not isinstance(target, torch.Tensor) or target.is_floating_point():
        raise TypeError("target: expected an integer tensor")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"reduction: unknown {reduction!r}")
    if not 0.0 <= smoothing <= 1.0:
        raise ValueError(f"smoothing: expected [0, 1], got {smoothing}")
    if logits.dim() < 2 or tuple(target.shape) != (logits.shape[0], *logits.shape[2:]):
        raise ValueError(f"target: shape {list(target.shape)} does not fit logits {list(logits.shape)}")
    valid = target != ignore_index
    if bool((target[valid] >= logits.shape[1]).any()):
        raise ValueError("target: class index out of range")
    log_p = F.log_softmax(logits, dim=1)
    safe = torch.where(valid, target, torch.zeros_like(target)).long()
    loss = (1 - smoothing) * -log_p.gather(1, safe.unsqueeze(1)).squeeze(1) - smoothing * log_p.mean(1)
    loss = torch.where(valid, loss, torch.zeros_like(loss))
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / valid.sum()
