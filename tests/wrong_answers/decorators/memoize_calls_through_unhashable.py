"""memoize quietly calls fn uncached when the arguments cannot be hashed, instead of raising TypeError."""

import functools

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_memoize_rejects_unhashable_arguments_before_calling_fn"]


def memoize(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")
    cache = {}
    missing = object()

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (args, frozenset(kwargs.items()))
        try:
            result = cache.get(key, missing)
        except TypeError:
            return fn(*args, **kwargs)
        if result is missing:
            result = cache[key] = fn(*args, **kwargs)
        return result

    wrapper.cache_clear = cache.clear
    return wrapper
