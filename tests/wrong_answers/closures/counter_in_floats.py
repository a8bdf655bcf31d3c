"""The counter turns start into a float so that fractional steps work, so int counters give 0.0, 1.0, 2.0."""

from solutions.closures.closures import *
from solutions.closures.closures import _check_number

CAUGHT_BY = ["test_counter_values_have_the_types_itertools_count_gives"]


def make_counter(start=0, step=1):
    _check_number("start", start)
    _check_number("step", step)
    current = float(start)

    def counter():
        nonlocal current
        value = current
        current += step
        return value

    return counter
