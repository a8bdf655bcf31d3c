"""Lets True and False through as the numbers 1 and 0 instead of refusing bool items."""

from solutions.max_subarray.max_subarray import *

CAUGHT_BY = ["test_both_functions_refuse_bool_items"]


def max_subarray_span(nums):
    if len(nums) == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    for i, x in enumerate(nums):
        if not isinstance(x, (int, float)):
            raise TypeError(f"nums: expected int or float items, got {type(x).__name__} at index {i}")
    run, run_start = nums[0], 0
    best, best_start, best_stop = run, 0, 1
    for i in range(1, len(nums)):
        if run >= 0:
            run += nums[i]
        else:
            run, run_start = nums[i], i
        if run > best:
            best, best_start, best_stop = run, run_start, i + 1
    return best, best_start, best_stop


def max_subarray(nums):
    return max_subarray_span(nums)[0]
