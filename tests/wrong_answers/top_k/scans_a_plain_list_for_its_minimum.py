"""Keeps the k best in a plain list and finds its smallest with min() for every item: O(n k) time."""

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = ["test_top_k_handles_a_million_items_with_large_k"]


def top_k(items, k):
    k = _check_k(k)
    if k <= 0:
        return []
    best = []
    for x in items:
        if len(best) < k:
            best.append(x)
            continue
        smallest = min(best)
        if x > smallest:
            best[best.index(smallest)] = x
    return sorted(best, reverse=True)
