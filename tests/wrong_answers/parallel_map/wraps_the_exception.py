"""Catches the call's exception and raises RuntimeError('task failed: ...') instead of the original."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from solutions.parallel_map.parallel_map import *

CAUGHT_BY = ["test_the_exception_keeps_its_type_and_message", "test_the_earliest_failing_item_in_input_order_raises"]


def parallel_map(fn, items, *, kind, max_workers=None):
    executors = {"io": ThreadPoolExecutor, "cpu": ProcessPoolExecutor}
    if kind not in executors:
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None and max_workers < 1:
        raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    with executors[kind](max_workers=max_workers) as pool:
        try:
            return list(pool.map(fn, items))
        except Exception as exc:
            raise RuntimeError(f"task failed: {exc}") from exc
