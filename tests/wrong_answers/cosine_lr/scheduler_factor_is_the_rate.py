"""Gives LambdaLR the absolute rate as its factor: right only for a group whose lr is exactly 1."""

import torch

from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right
from solutions.cosine_lr.cosine_lr import cosine_lr

CAUGHT_BY = [
    "test_scheduler_drives_each_param_group_from_its_own_lr",
    "test_scheduler_without_warmup_matches_cosine_annealing",
]


def warmup_cosine_scheduler(optimizer, total_steps, **kw):
    base = optimizer.param_groups[0]["lr"]
    if base == 0:
        raise ValueError("optimizer: lr 0")
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: cosine_lr(step, total_steps, base, **kw))
