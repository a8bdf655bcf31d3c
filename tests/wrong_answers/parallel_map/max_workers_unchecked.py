"""Passes max_workers to the pool without checking its type: a float or True is taken instead of refused."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = ["test_max_workers_that_is_not_an_int_is_rejected"]


def parallel_map(fn, items, *, kind, max_workers=None):
    executors = {"io": ThreadPoolExecutor, "cpu": ProcessPoolExecutor}
    if kind not in executors:
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    items = list(items)
    if not items:
        return []
    with executors[kind](max_workers=max_workers) as pool:
        return list(pool.map(fn, items))
