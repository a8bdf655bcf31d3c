"""The counter adds step before returning, so the first call returns start + step instead of start."""

from solutions.closures.closures import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_counter_counts_like_itertools_count_starting_at_start", "test_two_counters_do_not_share_their_count"]


def make_counter(start=0, step=1):
    for name, value in (("start", start), ("step", step)):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"{name}: expected a real number, got {type(value).__name__}")
    current = start

    def counter():
        nonlocal current
        current += step
        return current

    return counter
