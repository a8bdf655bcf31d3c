"""Refuses a smoothing of exactly 1, although the docstring allows ε anywhere in [0, 1] (1 gives uniform)."""

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import smooth_one_hot as _right

CAUGHT_BY = ["test_smooth_one_hot_with_full_smoothing_is_uniform"]


def smooth_one_hot(target, num_classes, smoothing):
    if not 0.0 <= smoothing < 1.0:
        raise ValueError(f"smoothing: expected a number in [0, 1), got {smoothing!r}")
    return _right(target, num_classes, smoothing)
