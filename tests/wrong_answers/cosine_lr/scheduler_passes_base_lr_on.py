"""Passes base_lr in kw straight on to cosine_lr: a TypeError about multiple values instead of a ValueError."""

import torch

from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right
from solutions.cosine_lr.cosine_lr import cosine_lr

CAUGHT_BY = ["test_scheduler_rejects_bad_keywords[base_lr]"]


def warmup_cosine_scheduler(optimizer, total_steps, **kw):
    lambdas = []
    for group in optimizer.param_groups:
        peak = group["lr"]
        if peak == 0:
            raise ValueError("optimizer: a param group has lr 0")
        lambdas.append(lambda step, peak=peak: cosine_lr(step, total_steps, peak, **kw) / peak)
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambdas)
