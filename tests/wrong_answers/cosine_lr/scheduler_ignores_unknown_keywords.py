"""Reads the known keywords with kw.get and ignores the rest: a misspelt warmup_step=3 silently drops the warm-up."""

import torch

from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right
from solutions.cosine_lr.cosine_lr import cosine_lr

CAUGHT_BY = ["test_scheduler_rejects_an_unknown_keyword"]


def warmup_cosine_scheduler(optimizer, total_steps, **kw):
    if "base_lr" in kw:
        raise ValueError("base_lr: comes from each param group's lr")
    known = {k: kw[k] for k in ("min_lr", "warmup_steps", "warmup_start_lr", "warmup") if k in kw}
    lambdas = []
    for group in optimizer.param_groups:
        peak = group["lr"]
        if peak == 0:
            raise ValueError("optimizer: a param group has lr 0")
        lambdas.append(lambda step, peak=peak: cosine_lr(step, total_steps, peak, **known) / peak)
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambdas)
