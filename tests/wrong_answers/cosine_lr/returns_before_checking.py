"""Returns min_lr for steps past the end before checking the other arguments: warmup="cubic" goes through there."""

from solutions.cosine_lr import cosine_lr as _ref
from solutions.cosine_lr.cosine_lr import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_rejects_bad_arguments[unknown warm-up past the end]",
    "test_rejects_bad_arguments[warm-up too long past the end]",
]


def cosine_lr(step, total_steps, base_lr, min_lr=0.0, warmup_steps=0, warmup_start_lr=0.0, warmup="linear"):
    if total_steps >= 1 and step >= total_steps:
        return float(min_lr)
    return _ref.cosine_lr(step, total_steps, base_lr, min_lr, warmup_steps, warmup_start_lr, warmup)
