"""Shuts the pool down without waiting: on an exception it raises while other calls are still running."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = ["test_no_task_keeps_running_after_the_exception", "test_no_process_keeps_running_after_the_exception"]


def parallel_map(fn, items, *, kind, max_workers=None):
    executors = {"io": ThreadPoolExecutor, "cpu": ProcessPoolExecutor}
    if kind not in executors:
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    pool = executors[kind](max_workers=max_workers)
    try:
        return list(pool.map(fn, items))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
