"""The averager keeps its total and count as attributes of the inner function, not in closure cells."""

from solutions.closures.closures import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_averager_keeps_its_state_in_closure_cells"]


def make_averager():
    def averager(value):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"value: expected a real number, got {type(value).__name__}")
        averager.total += value
        averager.count += 1
        return averager.total / averager.count

    averager.total = 0.0
    averager.count = 0
    return averager
