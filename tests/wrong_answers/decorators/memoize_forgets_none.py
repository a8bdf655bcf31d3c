"""memoize tests `cache.get(key) is None` for a miss, so a function returning None is never cached."""

import functools

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_memoize_caches_a_none_result"]


def memoize(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (args, frozenset(kwargs.items()))
        result = cache.get(key)
        if result is None:
            result = cache[key] = fn(*args, **kwargs)
        return result

    wrapper.cache_clear = cache.clear
    return wrapper
