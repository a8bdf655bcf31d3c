"""1. 多线程和多进程: io密集多线程, cpu密集多进程 [python的GIL等待机制导致的]

In English: 1. Multithreading and multiprocessing: multithreading for I/O-bound work, multiprocessing for
CPU-bound work [a consequence of Python's GIL waiting mechanism].

Source: 004_4864363d713f5d38.txt · 三、python ("1. 多线程和多进程: io密集多线程, cpu密集多进程", multithreading
and multiprocessing: threads for I/O-bound work, processes for CPU-bound work, because of the GIL).

Write ``parallel_map(fn, items, kind=...)``, a parallel ``[fn(x) for x in items]``. For I/O-bound work
(``kind="io"``) it runs ``fn`` in threads of the calling process: while one thread waits on the network or
a disk, the others run, although the GIL lets only one of them execute Python code at a time. For
CPU-bound work (``kind="cpu"``) it runs ``fn`` in worker processes, each with its own interpreter and GIL,
so that several cores compute at once. Results come back in the order of ``items``, whatever order the
tasks finish in. If ``fn`` raises, the exception of the earliest item (in input order) that failed is
raised in the caller, and the call returns only after its workers have stopped.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

_EXECUTORS: dict[str, type[Executor]] = {"io": ThreadPoolExecutor, "cpu": ProcessPoolExecutor}


def parallel_map(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    kind: str,
    max_workers: int | None = None,
) -> list:
    """``[fn(x) for x in items]``, computed by several threads (``"io"``) or processes (``"cpu"``) at once.

    Args:
        fn (callable): called once per item with the item as its only argument. For ``kind="cpu"`` it is
            sent to the worker processes, so it must be picklable: a function defined at the top level
            of a module (not a lambda or a nested function); the items and results must be picklable too.
        items (iterable): the arguments, any iterable (a list, a generator); read to the end before the
            results are returned.
        kind (str): ``"io"``: threads in this process (for work that waits: files, network, sleeps);
            ``"cpu"``: worker processes (for work that computes in Python).
        max_workers (int, optional): at most this many threads or processes, so at most this many calls
            of ``fn`` run at the same time. ``None``: the ``concurrent.futures`` default
            (``min(32, os.cpu_count() + 4)`` threads, ``os.cpu_count()`` processes).

    Returns:
        list: ``fn(item)`` for every item, in the order of ``items`` (not the order the calls finish).
        ``[]`` for no items.

    Raises:
        ValueError: ``kind`` is neither ``"io"`` nor ``"cpu"``, or ``max_workers < 1``; the message names
            the argument (``kind`` or ``max_workers``). Nothing is run; checked also when ``items`` is empty.
        TypeError: ``max_workers`` is not an int or None (bool is refused too); the message names
            ``max_workers``. Checked also when ``items`` is empty.
        Exception: whatever ``fn`` raised, with its type and message, for the earliest item in input
            order whose call failed (not the first failure in time). Calls not yet started may then be
            skipped; calls already running are waited for, so no work of this call goes on after it
            returns or raises.

    Example:
        >>> parallel_map(abs, [-3, 1, -2], kind="io")
        [3, 1, 2]
        >>> parallel_map(abs, [-3, 1, -2], kind="cpu", max_workers=2)
        [3, 1, 2]
        >>> parallel_map(abs, [-1], kind="gpu")
        Traceback (most recent call last):
        ...
        ValueError: kind: expected 'io' or 'cpu', got 'gpu'
    """
    executor_type = _EXECUTORS.get(kind) if isinstance(kind, str) else None
    if executor_type is None:
        raise ValueError(f"kind: expected 'io' or 'cpu', got {kind!r}")
    if max_workers is not None:
        if isinstance(max_workers, bool):  # an int to Python, but max_workers=True is surely a mistake
            raise TypeError(f"max_workers: expected an int or None, got bool ({max_workers!r})")
        try:
            max_workers = operator.index(max_workers)
        except TypeError:
            raise TypeError(f"max_workers: expected an int or None, got {type(max_workers).__name__}") from None
        if max_workers < 1:
            raise ValueError(f"max_workers: expected at least 1, got {max_workers}")
    items = list(items)
    if not items:
        return []  # no pool at all: starting processes for nothing costs more than the call
    # The `with` block ends with shutdown(wait=True): the call returns only when its workers are done.
    with executor_type(max_workers=max_workers) as pool:
        # Executor.map yields results in input order and re-raises a call's exception when its turn
        # comes, so the earliest failing item wins; on the way out it cancels the calls not yet started.
        return list(pool.map(fn, items))
