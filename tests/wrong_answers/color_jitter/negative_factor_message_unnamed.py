"""The negative-factor error says "expected a non-negative value" without naming the argument factor."""

from solutions.color_jitter import color_jitter as _solution
from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_a_negative_factor"]


def _check(factor):
    if factor < 0:
        raise ValueError(f"expected a non-negative value, got {factor}")


def adjust_brightness(img, factor):
    _check(factor)
    return _solution.adjust_brightness(img, factor)


def adjust_contrast(img, factor):
    _check(factor)
    return _solution.adjust_contrast(img, factor)


def adjust_saturation(img, factor):
    _check(factor)
    return _solution.adjust_saturation(img, factor)
