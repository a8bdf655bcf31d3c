"""The counter keeps its count in a module global: right for one counter, shared by all of them."""

from solutions.closures.closures import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_two_counters_do_not_share_their_count", "test_counting_leaves_the_module_globals_alone"]

_current = 0


def make_counter(start=0, step=1):
    global _current
    for name, value in (("start", start), ("step", step)):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"{name}: expected a real number, got {type(value).__name__}")
    _current = start

    def counter():
        global _current
        value = _current
        _current += step
        return value

    return counter
