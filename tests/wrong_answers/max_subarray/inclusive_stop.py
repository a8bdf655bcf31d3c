"""Returns the index of the run's last item as `stop` (inclusive), not one past it as a slice would."""

from solutions.max_subarray.max_subarray import *
from solutions.max_subarray.max_subarray import max_subarray_span as _right_span

CAUGHT_BY = [
    "test_span_stop_is_exclusive_like_a_slice",
    "test_span_of_hand_worked_lists",
    "test_span_total_is_the_sum_of_its_slice",
]


def max_subarray_span(nums):
    total, start, stop = _right_span(nums)
    return total, start, stop - 1
