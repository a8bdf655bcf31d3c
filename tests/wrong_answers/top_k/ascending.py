"""Returns the k largest in heap order sorted ascending (smallest of them first), not largest first."""

import heapq
import itertools

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = [
    "test_top_k_returns_the_largest_first",
    "test_top_k_of_hand_worked_cases[integers]",
    "test_top_k_with_k_above_the_length_returns_everything_largest_first",
]


def top_k(items, k):
    k = _check_k(k)
    if k <= 0:
        return []
    it = iter(items)
    heap = list(itertools.islice(it, k))
    heapq.heapify(heap)
    for x in it:
        if x > heap[0]:
            heapq.heapreplace(heap, x)
    return sorted(heap)
