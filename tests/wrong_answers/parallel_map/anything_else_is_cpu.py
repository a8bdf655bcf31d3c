"""Treats every kind other than "io" as "cpu" instead of rejecting it."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = ["test_an_unknown_kind_is_rejected"]


def parallel_map(fn, items, *, kind, max_workers=None):
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    executor = ThreadPoolExecutor if kind == "io" else ProcessPoolExecutor
    items = list(items)
    if not items:
        return []
    with executor(max_workers=max_workers) as pool:
        return list(pool.map(fn, items))
