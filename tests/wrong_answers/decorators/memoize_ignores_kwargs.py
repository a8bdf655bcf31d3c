"""memoize keys on the positional arguments only: f(1, b=2) and f(1, b=3) share one cached result."""

import functools

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_memoize_keys_on_keyword_arguments"]


def memoize(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if args not in cache:
            cache[args] = fn(*args, **kwargs)
        return cache[args]

    wrapper.cache_clear = cache.clear
    return wrapper
