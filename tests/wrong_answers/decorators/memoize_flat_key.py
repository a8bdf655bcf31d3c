"""memoize keys on args + tuple(kwargs.items()): f(1, b=2) collides with f(1, ("b", 2)), keyword order counts."""

import functools

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_memoize_treats_positional_and_keyword_as_different_keys",
    "test_memoize_ignores_the_order_keywords_are_written_in",
]


def memoize(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = args + tuple(kwargs.items())
        if key not in cache:
            cache[key] = fn(*args, **kwargs)
        return cache[key]

    wrapper.cache_clear = cache.clear
    return wrapper
