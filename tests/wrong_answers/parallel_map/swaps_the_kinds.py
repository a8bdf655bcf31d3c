"""Gets the rule backwards: processes for I/O-bound work, threads for CPU-bound work."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = ["test_io_runs_in_threads_of_this_process", "test_cpu_runs_in_worker_processes"]


def parallel_map(fn, items, *, kind, max_workers=None):
    executors = {"io": ProcessPoolExecutor, "cpu": ThreadPoolExecutor}
    if kind not in executors:
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    items = list(items)
    if not items:
        return []
    with executors[kind](max_workers=max_workers) as pool:
        return list(pool.map(fn, items))
