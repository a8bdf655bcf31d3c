"""Keeps the order of results, but raises the exception of whichever call failed first in time."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = ["test_the_earliest_failing_item_in_input_order_raises"]


def parallel_map(fn, items, *, kind, max_workers=None):
    executors = {"io": ThreadPoolExecutor, "cpu": ProcessPoolExecutor}
    if kind not in executors:
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    with executors[kind](max_workers=max_workers) as pool:
        futures = [pool.submit(fn, x) for x in items]
        for f in as_completed(futures):
            f.result()  # raises as soon as any call has failed
        return [f.result() for f in futures]
