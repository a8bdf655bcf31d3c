"""Starts the running sum at the float zero, so the span's total is a float even when every item is an int."""

from solutions.max_subarray.max_subarray import *
from solutions.max_subarray.max_subarray import _check_item

CAUGHT_BY = ["test_span_total_is_an_int_for_ints_and_a_float_for_floats"]


def max_subarray_span(nums):
    if len(nums) == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    run, run_start = 0.0, 0
    best = None
    for i in range(len(nums)):
        x = nums[i]
        _check_item(i, x)
        if i > 0 and run < 0:
            run, run_start = 0.0, i
        run += x
        if best is None or run > best[0]:
            best = (run, run_start, i + 1)
    return best
