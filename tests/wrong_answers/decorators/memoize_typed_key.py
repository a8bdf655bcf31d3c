"""memoize puts each argument's type in the key, so f(1) and f(1.0) are computed twice although they are equal."""

import functools

from solutions.decorators.decorators import *
from solutions.decorators.decorators import _check_callable

CAUGHT_BY = ["test_memoize_shares_an_entry_between_equal_arguments"]

_MISSING = object()


def memoize(fn):
    _check_callable(fn)
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (
            tuple((type(a), a) for a in args),
            frozenset((k, type(v), v) for k, v in kwargs.items()),
        )
        result = cache.get(key, _MISSING)
        if result is _MISSING:
            result = fn(*args, **kwargs)
            cache[key] = result
        return result

    wrapper.cache_clear = cache.clear
    return wrapper
