"""Starts a new run when the run so far is <= 0 instead of < 0: a zero-sum prefix is dropped, the start comes late."""

from solutions.max_subarray.max_subarray import *
from solutions.max_subarray.max_subarray import _check_item

CAUGHT_BY = [
    "test_span_breaks_ties_by_smallest_start_then_smallest_stop[leading zeros belong to the run (smallest start)]",
    "test_span_matches_every_pair_reference_on_random_ints",
]


def max_subarray_span(nums):
    if len(nums) == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    _check_item(0, nums[0])
    run, run_start = nums[0], 0
    best, best_start, best_stop = run, 0, 1
    for i in range(1, len(nums)):
        x = nums[i]
        _check_item(i, x)
        if run > 0:
            run += x
        else:
            run, run_start = x, i
        if run > best:
            best, best_start, best_stop = run, run_start, i + 1
    return best, best_start, best_stop
