"""The averager halves the old mean and the new value each time: an exponential average, not the mean."""

from solutions.closures.closures import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_averager_returns_the_mean_so_far", "test_averager_matches_running_mean_on_random_values"]


def make_averager():
    mean = None

    def averager(value):
        nonlocal mean
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"value: expected a real number, got {type(value).__name__}")
        mean = float(value) if mean is None else (mean + value) / 2
        return mean

    return averager
