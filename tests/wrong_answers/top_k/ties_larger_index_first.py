"""top_k_indices pushes (value, index): among equal values the larger position wins."""

import heapq

from solutions.top_k.top_k import *
from solutions.top_k.top_k import _check_k

CAUGHT_BY = [
    "test_top_k_indices_break_ties_by_the_smaller_position",
    "test_top_k_indices_match_sorting_on_random_inputs_with_ties",
    "test_top_k_indices_of_hand_worked_cases[all equal]",
]


def top_k_indices(values, k):
    k = _check_k(k)
    if k <= 0:
        return []
    heap = []
    for i, v in enumerate(values):
        if len(heap) < k:
            heapq.heappush(heap, (v, i))
        elif (v, i) > heap[0]:
            heapq.heapreplace(heap, (v, i))
    return [i for _, i in sorted(heap, reverse=True)]
