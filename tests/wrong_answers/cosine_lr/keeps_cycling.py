"""Leaves the cosine running past total_steps, so the rate climbs back up instead of staying at min_lr."""

import math

from solutions.cosine_lr import cosine_lr as _ref
from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_stays_at_min_lr_from_total_steps_on"]


def cosine_lr(step, total_steps, base_lr, min_lr=0.0, warmup_steps=0, warmup_start_lr=0.0, warmup="linear"):
    if step < total_steps:
        return _ref.cosine_lr(step, total_steps, base_lr, min_lr, warmup_steps, warmup_start_lr, warmup)
    t, period = step - warmup_steps, total_steps - warmup_steps
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * t / period)) / 2
