"""Divides by T - 1 so that the last step before total_steps already reaches min_lr: one step too early."""

import math

from solutions.cosine_lr import cosine_lr as _ref
from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_without_warmup_matches_cosine_annealing", "test_cosine_half_way_is_the_midpoint"]


def cosine_lr(step, total_steps, base_lr, min_lr=0.0, warmup_steps=0, warmup_start_lr=0.0, warmup="linear"):
    if step < warmup_steps or step >= total_steps or step < 0 or total_steps - warmup_steps < 2:
        return _ref.cosine_lr(step, total_steps, base_lr, min_lr, warmup_steps, warmup_start_lr, warmup)
    t, period = step - warmup_steps, total_steps - warmup_steps - 1
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * t / period)) / 2
