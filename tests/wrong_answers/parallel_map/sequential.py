"""Checks its arguments, then runs [fn(x) for x in items] in the caller: no threads, no processes."""

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = [
    "test_io_runs_in_threads_of_this_process",
    "test_cpu_runs_in_worker_processes",
    "test_tasks_run_at_the_same_time",
    "test_sixteen_half_second_io_sleeps_finish_together",
]


def parallel_map(fn, items, *, kind, max_workers=None):
    if kind not in ("io", "cpu"):
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    return [fn(x) for x in items]
