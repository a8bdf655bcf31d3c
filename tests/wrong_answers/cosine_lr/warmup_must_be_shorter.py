"""Requires warmup_steps < total_steps, refusing a schedule that is all warm-up, which the docstring allows."""

from solutions.cosine_lr import cosine_lr as _ref
from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_warmup_as_long_as_the_schedule_is_allowed"]


def cosine_lr(step, total_steps, base_lr, min_lr=0.0, warmup_steps=0, warmup_start_lr=0.0, warmup="linear"):
    if warmup_steps == total_steps:
        raise ValueError(f"warmup_steps: expected fewer than total_steps={total_steps}, got {warmup_steps}")
    return _ref.cosine_lr(step, total_steps, base_lr, min_lr, warmup_steps, warmup_start_lr, warmup)
