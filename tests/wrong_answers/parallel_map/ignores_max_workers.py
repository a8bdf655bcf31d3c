"""Always uses the executor's default pool size, whatever max_workers says."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = ["test_max_workers_1_runs_one_task_at_a_time", "test_max_workers_bounds_the_number_of_workers"]


def parallel_map(fn, items, *, kind, max_workers=None):
    executors = {"io": ThreadPoolExecutor, "cpu": ProcessPoolExecutor}
    if kind not in executors:
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    items = list(items)
    with executors[kind](max_workers=max(len(items), 1)) as pool:
        return list(pool.map(fn, items))
