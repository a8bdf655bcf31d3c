"""Returns an empty list for no items before checking kind and max_workers, so a bad call with no items passes."""

from solutions.parallel_map.parallel_map import *
from solutions.parallel_map.parallel_map import parallel_map as _right_parallel_map

CAUGHT_BY = ["test_arguments_are_checked_even_for_no_items"]


def parallel_map(fn, items, *, kind, max_workers=None):
    items = list(items)
    if not items:
        return []
    return _right_parallel_map(fn, items, kind=kind, max_workers=max_workers)
