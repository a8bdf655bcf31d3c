"""retry checks `times` only when the decorated function is called, so @retry(0) decorates without a word."""

import functools
import time

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_retry_rejects_fewer_than_one_attempt_when_made", "test_retry_rejects_bad_arguments_when_made"]


def retry(times, exceptions=(Exception,), delay=0.0):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            if not isinstance(times, int) or times < 1:
                raise ValueError(f"times: expected an int >= 1, got {times!r}")
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
                if delay > 0:
                    time.sleep(delay)

        return wrapper

    return decorator
