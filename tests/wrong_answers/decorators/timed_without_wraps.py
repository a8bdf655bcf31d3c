"""timed forgets functools.wraps: the wrapper is called "wrapper", has no docstring and no __wrapped__."""

import time

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_timed_keeps_name_doc_and_wrapped"]


def timed(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            wrapper.calls.append(time.perf_counter() - start)

    wrapper.calls = []
    return wrapper
