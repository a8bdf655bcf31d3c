"""Runs the cosine over the whole schedule (t = step, T = total_steps), so it is past its top when the warm-up ends."""

import math

from solutions.cosine_lr import cosine_lr as _ref
from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_linear_warmup_rises_from_start_to_base", "test_reaches_base_lr_exactly_when_warmup_ends"]


def cosine_lr(step, total_steps, base_lr, min_lr=0.0, warmup_steps=0, warmup_start_lr=0.0, warmup="linear"):
    if step < warmup_steps or step >= total_steps or step < 0:
        return _ref.cosine_lr(step, total_steps, base_lr, min_lr, warmup_steps, warmup_start_lr, warmup)
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * step / total_steps)) / 2
