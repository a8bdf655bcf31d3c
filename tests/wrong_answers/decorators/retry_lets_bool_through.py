"""retry checks times with an int test that lets True through and never checks the type of delay."""

from solutions.decorators.decorators import *
from solutions.decorators.decorators import retry as _right_retry

CAUGHT_BY = ["test_retry_refuses_bool_and_non_numbers"]


def retry(times, exceptions=(Exception,), delay=0.0):
    if not isinstance(times, int):
        raise TypeError(f"times: expected an int, got {type(times).__name__}")
    if times < 1:
        raise ValueError(f"times: expected at least 1 attempt, got {times}")
    if delay < 0:
        raise ValueError(f"delay: expected seconds >= 0, got {delay}")
    return _right_retry(int(times), exceptions, float(delay))
