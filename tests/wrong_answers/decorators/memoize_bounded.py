"""memoize evicts its oldest entry once it holds 1,024 results, although the cache should have no size limit."""

import functools

from solutions.decorators.decorators import *
from solutions.decorators.decorators import _check_callable

CAUGHT_BY = ["test_memoize_has_no_size_limit"]

_MISSING = object()
_LIMIT = 1024


def memoize(fn):
    _check_callable(fn)
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (args, frozenset(kwargs.items()))
        result = cache.get(key, _MISSING)
        if result is _MISSING:
            result = fn(*args, **kwargs)
            if len(cache) >= _LIMIT:
                del cache[next(iter(cache))]
            cache[key] = result
        return result

    wrapper.cache_clear = cache.clear
    return wrapper
