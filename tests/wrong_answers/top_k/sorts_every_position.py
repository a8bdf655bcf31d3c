"""top_k_indices copies the whole input and sorts every position: right order, but O(n) memory instead of O(k)."""

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = ["test_top_k_indices_keeps_memory_proportional_to_k"]


def top_k_indices(values, k):
    k = _check_k(k)
    if k <= 0:
        return []
    vals = list(values)
    # A stable sort keeps equal values in position order, also with reverse=True.
    return sorted(range(len(vals)), key=vals.__getitem__, reverse=True)[:k]
