"""Quadratic warm-up written as a square root: it rises fast and flattens, the opposite of YOLOX's."""

from solutions.cosine_lr import cosine_lr as _ref
from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_quadratic_warmup_follows_yolox"]


def cosine_lr(step, total_steps, base_lr, min_lr=0.0, warmup_steps=0, warmup_start_lr=0.0, warmup="linear"):
    if warmup == "quadratic" and 0 <= step < warmup_steps <= total_steps:
        return warmup_start_lr + (base_lr - warmup_start_lr) * (step / warmup_steps) ** 0.5
    return _ref.cosine_lr(step, total_steps, base_lr, min_lr, warmup_steps, warmup_start_lr, warmup)
