"""Turns largest into smallest by negating the items, which works for numbers only, not for strings or tuples."""

import heapq

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = ["test_items_need_only_compare_with_each_other"]


def top_k(items, k):
    k = _check_k(k)
    if k <= 0:
        return []
    return [-x for x in heapq.nsmallest(k, (-x for x in items))]


def top_k_indices(values, k):
    k = _check_k(k)
    if k <= 0:
        return []
    return [i for i, _ in heapq.nsmallest(k, enumerate(values), key=lambda p: (-p[1], p[0]))]
