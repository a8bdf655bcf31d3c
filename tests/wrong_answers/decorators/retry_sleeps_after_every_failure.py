"""retry sleeps after every failed attempt, the last one too, and so waits once more than it should."""

import functools
import time

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right
from solutions.decorators.decorators import _check_exceptions

CAUGHT_BY = [
    "test_retry_sleeps_delay_between_attempts_only[all 3 fail]",
    "test_retry_sleeps_delay_between_attempts_only[one attempt]",
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
            last = None
            for _ in range(times):
                try:
                    return fn(*args, **kwargs)
                except retry_on as exc:
                    last = exc
                    if delay > 0:
                        time.sleep(delay)
            raise last

        return wrapper

    return decorator
