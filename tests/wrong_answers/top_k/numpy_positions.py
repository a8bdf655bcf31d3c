"""top_k_indices returns its positions as NumPy integers taken from an array, not as Python ints."""

import heapq
import itertools

import numpy as np

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = ["test_top_k_indices_are_python_ints"]


def top_k_indices(values, k):
    k = _check_k(k)
    if k <= 0:
        return []
    it = enumerate(values)
    heap = [(v, -i) for i, v in itertools.islice(it, k)]
    heapq.heapify(heap)
    if len(heap) == k:
        for i, v in it:
            if v > heap[0][0]:
                heapq.heapreplace(heap, (v, -i))
    heap.sort(reverse=True)
    positions = np.array([-i for _, i in heap], dtype=np.int64)
    return list(positions)
