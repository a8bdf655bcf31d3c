"""Multipliers fixed with the default-argument trick (lambda x, i=i: ...): right values, but no closure."""

from solutions.closures.closures import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_each_multiplier_closes_over_its_factor_and_takes_one_argument"]


def make_multipliers(n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"n: expected an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"n: expected n >= 0, got {n}")
    return [lambda x, i=i: i * x for i in range(n)]
