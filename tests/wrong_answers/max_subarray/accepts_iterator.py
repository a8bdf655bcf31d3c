"""Walks the input once in a for loop, so a generator is taken instead of refused as not a sequence."""

from solutions.max_subarray.max_subarray import *
from solutions.max_subarray.max_subarray import _check_item

CAUGHT_BY = ["test_both_functions_refuse_an_iterator"]


def max_subarray_span(nums):
    best = None
    run, run_start = 0, 0
    for i, x in enumerate(nums):
        _check_item(i, x)
        if i == 0 or run < 0:
            run, run_start = x, i
        else:
            run += x
        if best is None or run > best[0]:
            best = (run, run_start, i + 1)
    if best is None:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    return best


def max_subarray(nums):
    return max_subarray_span(nums)[0]
