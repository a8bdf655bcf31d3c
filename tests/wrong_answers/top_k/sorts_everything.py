"""Sorts the whole input and slices: right answers, but holds all n items in memory instead of k."""

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = ["test_top_k_keeps_memory_proportional_to_k"]


def top_k(items, k):
    k = _check_k(k)
    return sorted(items, reverse=True)[: max(k, 0)]
