"""No special case for k <= 0: the heap code indexes an empty heap or slices with a negative count."""

import heapq
import itertools

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = ["test_top_k_with_k_not_positive_is_empty", "test_top_k_indices_with_k_not_positive_is_empty"]


def top_k(items, k):
    k = _check_k(k)
    heap = []
    for x in items:
        if len(heap) < k:
            heapq.heappush(heap, x)
        elif x > heap[0]:
            heapq.heapreplace(heap, x)
    return sorted(heap, reverse=True)


def top_k_indices(values, k):
    k = _check_k(k)
    ranked = sorted(range(len(values)), key=lambda i: (-values[i], i))
    return ranked[:k]
