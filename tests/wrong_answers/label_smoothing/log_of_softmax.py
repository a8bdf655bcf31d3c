"""Takes log(softmax(x)): exact for small logits, but -inf and NaN gradients once a probability underflows."""

import torch

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_huge_logits_give_finite_loss_and_gradients"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    valid = target != ignore_index
    log_p = torch.log(torch.softmax(logits, dim=1))
    safe = torch.where(valid, target, torch.zeros_like(target))
    nll = -log_p.gather(1, safe.unsqueeze(1)).squeeze(1)
    loss = (1 - smoothing) * nll - smoothing * log_p.mean(1)
    loss = torch.where(valid, loss, torch.zeros_like(loss))
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / valid.sum()
