"""timed appends the duration after the call returns, so a call that raises is never recorded."""

import functools
import time

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_timed_records_a_call_that_raises_and_lets_the_exception_through"]


def timed(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        wrapper.calls.append(time.perf_counter() - start)
        return result

    wrapper.calls = []
    return wrapper
