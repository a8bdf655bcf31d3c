"""retry ignores `exceptions` and retries whatever is raised, KeyboardInterrupt included."""

import functools
import time

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right
from solutions.decorators.decorators import _check_exceptions

CAUGHT_BY = [
    "test_retry_does_not_retry_exceptions_that_are_not_listed",
    "test_retry_by_default_does_not_retry_base_exceptions",
]


def retry(times, exceptions=(Exception,), delay=0.0):
    if not isinstance(times, int) or isinstance(times, bool):
        raise TypeError(f"times: expected an int, got {type(times).__name__}")
    if times < 1:
        raise ValueError(f"times: expected at least 1, got {times}")
    if delay < 0:
        raise ValueError(f"delay: expected seconds >= 0, got {delay}")
    _check_exceptions(exceptions)

    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except BaseException:
                    if attempt == times:
                        raise
                if delay > 0:
                    time.sleep(delay)

        return wrapper

    return decorator
