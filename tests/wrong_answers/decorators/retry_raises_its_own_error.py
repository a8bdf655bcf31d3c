"""retry gives up with a new RuntimeError("gave up after N attempts") instead of the last exception."""

import functools
import time

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right
from solutions.decorators.decorators import _check_exceptions

CAUGHT_BY = [
    "test_retry_reraises_the_exception_of_the_last_attempt",
    "test_retry_makes_at_most_times_attempts[2 attempts, both fail]",
]


def retry(times, exceptions=(Exception,), delay=0.0):
    if not isinstance(times, int) or isinstance(times, bool):
        raise TypeError(f"times: expected an int, got {type(times).__name__}")
    if times < 1:
        raise ValueError(f"times: expected at least 1, got {times}")
    if delay < 0:
        raise ValueError(f"delay: expected seconds >= 0, got {delay}")
    retry_on = _check_exceptions(exceptions)

    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except retry_on:
                    if attempt < times and delay > 0:
                        time.sleep(delay)
            raise RuntimeError(f"gave up after {times} attempts")

        return wrapper

    return decorator
