"""Detects empty input by comparing with an empty list, so an empty tuple slips past and fails with the wrong error."""

from solutions.max_subarray.max_subarray import *
from solutions.max_subarray.max_subarray import _check_item

CAUGHT_BY = ["test_tuples_are_taken_like_lists"]


def max_subarray_span(nums):
    if nums == []:
        raise ValueError("nums: expected at least one number, got an empty list")
    _check_item(0, nums[0])
    run, run_start = nums[0], 0
    best, best_start, best_stop = run, 0, 1
    for i in range(1, len(nums)):
        x = nums[i]
        _check_item(i, x)
        if run >= 0:
            run += x
        else:
            run, run_start = x, i
        if run > best:
            best, best_start, best_stop = run, run_start, i + 1
    return best, best_start, best_stop


def max_subarray(nums):
    return max_subarray_span(nums)[0]
