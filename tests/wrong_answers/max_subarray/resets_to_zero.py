"""The textbook shortcut `run = max(0, run + x)` with `best = 0`: an all-negative list gives 0, an empty run."""

from solutions.max_subarray.max_subarray import *

CAUGHT_BY = [
    "test_max_subarray_of_all_negative_numbers_is_the_largest_not_zero",
    "test_span_of_hand_worked_lists[all negative: the largest single number]",
    "test_max_subarray_matches_every_pair_reference_on_random_ints",
]


def max_subarray_span(nums):
    if len(nums) == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    run, run_start = 0, 0
    best, best_start, best_stop = 0, 0, 0
    for i, x in enumerate(nums):
        if run + x < 0:
            run, run_start = 0, i + 1
        else:
            run += x
            if run > best:
                best, best_start, best_stop = run, run_start, i + 1
    return best, best_start, best_stop


def max_subarray(nums):
    return max_subarray_span(nums)[0]
