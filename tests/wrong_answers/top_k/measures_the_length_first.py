"""Calls len(items) to short-cut k >= n: fails on a generator, which has no length."""

import heapq
import itertools

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = ["test_top_k_reads_a_one_shot_stream", "test_top_k_keeps_memory_proportional_to_k"]


def top_k(items, k):
    k = _check_k(k)
    if k <= 0:
        return []
    if k >= len(items):
        return sorted(items, reverse=True)
    it = iter(items)
    heap = list(itertools.islice(it, k))
    heapq.heapify(heap)
    for x in it:
        if x > heap[0]:
            heapq.heapreplace(heap, x)
    return sorted(heap, reverse=True)
