"""Writes max_subarray as its own loop without checking the items: True counts as 1, a string fails with an unrelated error."""

from solutions.max_subarray.max_subarray import *

CAUGHT_BY = ["test_max_subarray_rejects_items_that_are_not_numbers", "test_both_functions_refuse_bool_items"]


def max_subarray(nums):
    if len(nums) == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    run = best = nums[0]
    for i in range(1, len(nums)):
        x = nums[i]
        run = x if run < 0 else run + x
        if run > best:
            best = run
    return best
