"""O(n) time but O(n) memory: builds the list of prefix sums, then best = P[j] - min(P[:j])."""

from solutions.max_subarray.max_subarray import *
from solutions.max_subarray.max_subarray import _check_item

CAUGHT_BY = ["test_uses_constant_extra_memory"]


def max_subarray_span(nums):
    if len(nums) == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    prefix = [0]
    for i, x in enumerate(nums):
        _check_item(i, x)
        prefix.append(prefix[-1] + x)
    low, low_at = prefix[0], 0
    best = None
    for j in range(1, len(prefix)):
        total = prefix[j] - low
        if best is None or total > best[0]:
            best = (total, low_at, j)
        if prefix[j] < low:
            low, low_at = prefix[j], j
    return best


def max_subarray(nums):
    return max_subarray_span(nums)[0]
