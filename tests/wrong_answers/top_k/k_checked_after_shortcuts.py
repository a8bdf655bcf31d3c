"""Returns an empty list for a non-positive k before checking that k is an int, so a negative float k slips through."""

from solutions.top_k.top_k import *
from solutions.top_k.top_k import top_k as _right_top_k
from solutions.top_k.top_k import top_k_indices as _right_top_k_indices

CAUGHT_BY = ["test_k_is_checked_before_any_early_return"]


def top_k(items, k):
    if k <= 0:
        return []
    return _right_top_k(items, k)


def top_k_indices(values, k):
    if k <= 0:
        return []
    return _right_top_k_indices(values, k)
