"""memoize keeps one module-level cache for every memoized function, keyed on the arguments alone."""

import functools

from solutions.decorators.decorators import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_two_memoized_functions_keep_separate_caches"]

_CACHE = {}


def memoize(fn):
    if not callable(fn):
        raise TypeError(f"fn: expected a callable, got {type(fn).__name__}")

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (args, frozenset(kwargs.items()))
        if key not in _CACHE:
            _CACHE[key] = fn(*args, **kwargs)
        return _CACHE[key]

    def cache_clear():
        _CACHE.clear()

    wrapper.cache_clear = cache_clear
    return wrapper
