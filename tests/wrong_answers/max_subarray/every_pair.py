"""Right answers, but tries every start and extends it to every stop: O(n^2) steps, 5 * 10^11 for 10^6 items."""

from solutions.max_subarray.max_subarray import *

CAUGHT_BY = ["test_a_million_items_in_linear_time"]


def max_subarray_span(nums):
    if len(nums) == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    for x in nums:
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            raise TypeError(f"nums: expected int or float items, got {type(x).__name__}")
    best = None
    for i in range(len(nums)):
        total = 0
        for j in range(i, len(nums)):
            total += nums[j]
            if best is None or total > best[0]:
                best = (total, i, j + 1)
    return best


def max_subarray(nums):
    return max_subarray_span(nums)[0]
