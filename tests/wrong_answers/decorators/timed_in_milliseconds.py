"""timed records milliseconds instead of seconds."""

import functools
import time

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_timed_records_each_duration_in_seconds"]


def timed(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            wrapper.calls.append((time.perf_counter() - start) * 1000)

    wrapper.calls = []
    return wrapper
