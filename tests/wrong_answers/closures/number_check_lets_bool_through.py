"""Checks numbers as instances of int or float, which lets True and False through as 1 and 0."""

from solutions.closures.closures import *
from solutions.closures.closures import _multiplier

CAUGHT_BY = ["test_bool_is_refused_where_a_number_is_asked"]


def _check(name, value):
    if not isinstance(value, (int, float)):
        raise TypeError(f"{name}: expected a number, got {type(value).__name__}")


def make_counter(start=0, step=1):
    _check("start", start)
    _check("step", step)
    current = start

    def counter():
        nonlocal current
        value = current
        current += step
        return value

    return counter


def make_averager():
    total, count = 0.0, 0

    def averager(value):
        nonlocal total, count
        _check("value", value)
        total += value
        count += 1
        return total / count

    return averager


def make_multipliers(n):
    if not isinstance(n, int):
        raise TypeError(f"n: expected an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"n: expected n >= 0, got {n}")
    return [_multiplier(i) for i in range(n)]
