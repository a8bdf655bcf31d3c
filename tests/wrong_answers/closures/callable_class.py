"""A class with __call__ instead of a closure: it counts right, but the state lives in an instance."""

from solutions.closures.closures import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_counter_keeps_its_count_in_a_closure_cell"]


class _Counter:
    def __init__(self, start, step):
        self.current = start
        self.step = step

    def __call__(self):
        value = self.current
        self.current += self.step
        return value


def make_counter(start=0, step=1):
    for name, value in (("start", start), ("step", step)):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"{name}: expected a real number, got {type(value).__name__}")
    return _Counter(start, step)
