"""Checks k with an int conversion that lets True and False pass as 1 and 0 instead of refusing bool."""

import operator

from solutions.top_k.top_k import *
from solutions.top_k.top_k import top_k as _right_top_k
from solutions.top_k.top_k import top_k_indices as _right_top_k_indices

CAUGHT_BY = ["test_a_bool_k_is_refused"]


def _as_int(k):
    try:
        return operator.index(k)
    except TypeError:
        raise TypeError(f"k: expected an int, got {type(k).__name__}") from None


def top_k(items, k):
    return _right_top_k(items, _as_int(k))


def top_k_indices(values, k):
    return _right_top_k_indices(values, _as_int(k))
