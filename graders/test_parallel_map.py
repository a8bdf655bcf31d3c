"""Grader for parallel_map: threads for ``kind="io"``, worker processes for ``kind="cpu"``.

Where a call ran is told by ``os.getpid()`` and ``threading.get_ident()`` inside the task; whether calls
ran at the same time, by the intervals each task measures with ``time.monotonic()`` (one clock for every
process), never by asserting a wall-clock total. The functions given to the process pool are defined at
the top of this module so that they can be pickled; under the ``fork`` start method the workers inherit
them, the learner's module included. Expected results are plain ``[fn(x) for x in items]``.

Promises and the tests that hold them:
- [fn(x) for x in items], in input order -> test_results_are_fn_of_each_item_in_input_order,
  test_results_keep_the_input_order_when_later_items_finish_first
- [] for no items; any iterable -> test_no_items_give_an_empty_list, test_items_may_be_a_generator
- "io": threads of this process -> test_io_runs_in_threads_of_this_process
- "cpu": worker processes -> test_cpu_runs_in_worker_processes
- calls run at the same time -> test_tasks_run_at_the_same_time, test_sixteen_half_second_io_sleeps_finish_together
- at most max_workers at once -> test_max_workers_1_runs_one_task_at_a_time,
  test_max_workers_bounds_the_number_of_workers
- max_workers=None: the concurrent.futures default -> not tested (any default is a valid pool size)
- the earliest failing item's exception, in input order -> test_the_earliest_failing_item_in_input_order_raises
- raised with its type and message, not wrapped -> test_the_exception_keeps_its_type_and_message
- no work goes on after the call (threads) -> test_no_task_keeps_running_after_the_exception
- no work goes on after the call (processes) -> test_no_process_keeps_running_after_the_exception
- unknown kind -> ValueError naming kind -> test_an_unknown_kind_is_rejected
- max_workers < 1 -> ValueError naming it -> test_max_workers_below_1_is_rejected
- max_workers not an int or None (bool too) -> TypeError naming it -> test_max_workers_that_is_not_an_int_is_rejected
- arguments checked even when items is empty, nothing run -> test_arguments_are_checked_even_for_no_items
"""

from __future__ import annotations

import os
import threading
import time

import pytest

from graders.helpers import assert_equal, assert_raises, describe

KINDS = ["io", "cpu"]


# ------------------------------------------------------------------------------------------- tasks


def square(x):
    return x * x


def sleep_then_return(arg):
    value, delay = arg
    time.sleep(delay)
    return value


def where(_):
    return os.getpid(), threading.get_ident()


def timed_sleep(arg):
    """Sleep ``delay`` s; report (value, pid, thread, start, end) measured inside the task."""
    value, delay = arg
    start = time.monotonic()
    time.sleep(delay)
    return value, os.getpid(), threading.get_ident(), start, time.monotonic()


class TaskFailed(Exception):
    """Raised by a task on purpose (defined at module level so that it pickles)."""


def fail_some(arg):
    value, delay, fails = arg
    time.sleep(delay)
    if fails:
        raise TaskFailed(f"item {value} failed")
    return value


def raise_key_error(x):
    if x == 3:
        raise KeyError("no such key: 3")
    return x


FINISHED: list[int] = []


def sleep_and_record(arg):
    value, delay, fails = arg
    if fails:
        raise TaskFailed(f"item {value} failed")
    time.sleep(delay)
    FINISHED.append(value)
    return value


def sleep_and_touch(arg):
    """Fail at once, or sleep and then create the file ``folder/value`` (seen from every process)."""
    value, delay, fails, folder = arg
    if fails:
        raise TaskFailed(f"item {value} failed")
    time.sleep(delay)
    with open(os.path.join(folder, str(value)), "w") as f:
        f.write("done")
    return value


# ------------------------------------------------------------------------------------------- helpers


def max_overlap(intervals) -> int:
    """The largest number of (start, end) intervals open at one instant (an end before a start at ties)."""
    events = sorted([(s, 1) for s, _ in intervals] + [(e, -1) for _, e in intervals], key=lambda t: (t[0], t[1]))
    open_now = best = 0
    for _, step in events:
        open_now += step
        best = max(best, open_now)
    return best


def run_timed(learner, kind, n, delay, max_workers):
    """Run n sleeping tasks; return (values, pids, threads, intervals) from inside the tasks."""
    got = learner.parallel_map(timed_sleep, [(i, delay) for i in range(n)], kind=kind, max_workers=max_workers)
    if not isinstance(got, list) or len(got) != n:
        raise AssertionError(
            f"parallel_map(timed_sleep, <{n} items>, kind={kind!r}, max_workers={max_workers})\n"
            f"  returned {describe(got)}, expected a list of {n} results"
        )
    values = [r[0] for r in got]
    pids = {r[1] for r in got}
    threads = {(r[1], r[2]) for r in got}
    intervals = [(r[3], r[4]) for r in got]
    return values, pids, threads, intervals


# ------------------------------------------------------------------------------------------- results


@pytest.mark.points(2)
@pytest.mark.parametrize("kind", KINDS)
def test_results_are_fn_of_each_item_in_input_order(learner, kind):
    items = list(range(-250, 251, 3))
    got = learner.parallel_map(square, items, kind=kind, max_workers=3)
    assert_equal(got, [x * x for x in items], call=f"parallel_map(square, <{len(items)} ints>, kind={kind!r})")


@pytest.mark.points(2)
@pytest.mark.parametrize("kind", KINDS)
def test_results_keep_the_input_order_when_later_items_finish_first(learner, kind):
    # Item i sleeps (5 - i) * 0.08 s: all start together and finish in reverse order.
    items = [(f"r{i}", (5 - i) * 0.08) for i in range(6)]
    got = learner.parallel_map(sleep_then_return, items, kind=kind, max_workers=6)
    call = f"parallel_map(sleep_then_return, <6 items, the last finishes first>, kind={kind!r}, max_workers=6)"
    assert_equal(got, [f"r{i}" for i in range(6)], call=call)


@pytest.mark.parametrize("kind", KINDS)
def test_no_items_give_an_empty_list(learner, kind):
    assert_equal(learner.parallel_map(square, [], kind=kind), [], call=f"parallel_map(square, [], kind={kind!r})")


@pytest.mark.parametrize("kind", KINDS)
def test_items_may_be_a_generator(learner, kind):
    got = learner.parallel_map(square, (x for x in range(7)), kind=kind, max_workers=2)
    assert_equal(got, [x * x for x in range(7)], call=f"parallel_map(square, <generator of 0..6>, kind={kind!r})")


# ------------------------------------------------------------------------------------------- threads or processes


@pytest.mark.points(2)
def test_io_runs_in_threads_of_this_process(learner):
    got = learner.parallel_map(where, range(8), kind="io", max_workers=4)
    call = "parallel_map(where, range(8), kind='io', max_workers=4)  (where returns os.getpid(), threading.get_ident())"
    pids = {pid for pid, _ in got}
    assert pids == {os.getpid()}, (
        f"{call}\n  ran in process(es) {sorted(pids)}, expected only this process ({os.getpid()}): "
        "kind='io' means threads, which share the caller's memory"
    )
    main = threading.get_ident()
    assert all(ident != main for _, ident in got), (
        f"{call}\n  some calls ran in the caller's own thread: kind='io' runs them in worker threads"
    )


@pytest.mark.points(2)
def test_cpu_runs_in_worker_processes(learner):
    got = learner.parallel_map(where, range(8), kind="cpu", max_workers=2)
    call = "parallel_map(where, range(8), kind='cpu', max_workers=2)  (where returns os.getpid(), ...)"
    pids = {pid for pid, _ in got}
    assert os.getpid() not in pids, (
        f"{call}\n  some calls ran in the caller's process ({os.getpid()}): kind='cpu' runs them in worker "
        "processes, each with its own GIL"
    )
    assert len(pids) <= 2, f"{call}\n  ran in {len(pids)} processes, expected at most max_workers=2"


@pytest.mark.points(2)
@pytest.mark.parametrize("kind", KINDS)
def test_tasks_run_at_the_same_time(learner, kind):
    # Six 0.4 s sleeps with six workers: in parallel they all overlap; one after another, none do.
    values, _, _, intervals = run_timed(learner, kind, 6, 0.4, 6)
    call = f"parallel_map(<6 tasks sleeping 0.4 s>, kind={kind!r}, max_workers=6)"
    assert_equal(values, list(range(6)), call=call)
    most = max_overlap(intervals)
    assert most >= 2, (
        f"{call}\n  at most {most} task ran at any moment (measured inside the tasks): they ran one by one"
    )


@pytest.mark.points(2)
@pytest.mark.timeout(4)
def test_sixteen_half_second_io_sleeps_finish_together(learner):
    # 16 threads: ~0.6 s here; one after another: 8 s. (Processes are checked by the overlap of their
    # intervals above: starting 16 of them from this process costs ~1 s by itself, too close to a timeout.)
    items = [(i, 0.5) for i in range(16)]
    got = learner.parallel_map(sleep_then_return, items, kind="io", max_workers=16)
    assert_equal(got, list(range(16)), call="parallel_map(<16 tasks sleeping 0.5 s>, kind='io', max_workers=16)")


@pytest.mark.points(2)
@pytest.mark.parametrize("kind", KINDS)
def test_max_workers_1_runs_one_task_at_a_time(learner, kind):
    values, _, threads, intervals = run_timed(learner, kind, 4, 0.15, 1)
    call = f"parallel_map(<4 tasks sleeping 0.15 s>, kind={kind!r}, max_workers=1)"
    assert_equal(values, list(range(4)), call=call)
    most = max_overlap(intervals)
    assert most == 1, f"{call}\n  {most} tasks ran at the same moment, expected one at a time (max_workers=1)"
    assert len(threads) == 1, f"{call}\n  used {len(threads)} workers, expected 1"


@pytest.mark.parametrize("kind", KINDS)
def test_max_workers_bounds_the_number_of_workers(learner, kind):
    values, pids, threads, intervals = run_timed(learner, kind, 6, 0.15, 2)
    call = f"parallel_map(<6 tasks sleeping 0.15 s>, kind={kind!r}, max_workers=2)"
    assert_equal(values, list(range(6)), call=call)
    most = max_overlap(intervals)
    assert most <= 2, f"{call}\n  {most} tasks ran at the same moment, expected at most max_workers=2"
    workers = len(pids) if kind == "cpu" else len(threads)
    assert workers <= 2, f"{call}\n  used {workers} {'processes' if kind == 'cpu' else 'threads'}, expected at most 2"


# ------------------------------------------------------------------------------------------- exceptions


@pytest.mark.points(2)
@pytest.mark.parametrize("kind", KINDS)
def test_the_earliest_failing_item_in_input_order_raises(learner, kind):
    # Item 2 fails after 1 s, item 5 at once: in time item 5 fails first, but item 2 comes first in
    # the input, and its exception is the one to see.
    items = [(i, 1.0 if i == 2 else 0.0, i in (2, 5)) for i in range(8)]
    call = f"parallel_map(fail_some, <8 items; item 2 fails after 1 s, item 5 at once>, kind={kind!r}, max_workers=8)"
    with pytest.raises(Exception) as caught:
        learner.parallel_map(fail_some, items, kind=kind, max_workers=8)
    got = caught.value
    assert isinstance(got, TaskFailed) and str(got) == "item 2 failed", (
        f"{call}\n  raised {type(got).__name__}({str(got)!r}), expected TaskFailed('item 2 failed'): the exception "
        "of the earliest item in input order, as [fn(x) for x in items] would raise"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_the_exception_keeps_its_type_and_message(learner, kind):
    call = f"parallel_map(raise_key_error, range(6), kind={kind!r})  (fails for 3 with KeyError)"
    with pytest.raises(Exception) as caught:
        learner.parallel_map(raise_key_error, range(6), kind=kind, max_workers=2)
    got = caught.value
    assert type(got) is KeyError and got.args == ("no such key: 3",), (
        f"{call}\n  raised {type(got).__name__}{got.args!r}, expected KeyError('no such key: 3') itself, "
        "not wrapped in another exception"
    )


def test_no_task_keeps_running_after_the_exception(learner):
    # Item 0 fails at once while items 1-3 sleep 0.3 s: the call must wait for them before raising.
    FINISHED.clear()
    items = [(0, 0.0, True)] + [(i, 0.3, False) for i in range(1, 4)]
    call = "parallel_map(sleep_and_record, <item 0 fails at once, items 1-3 sleep 0.3 s>, kind='io', max_workers=4)"
    with pytest.raises(TaskFailed):
        learner.parallel_map(sleep_and_record, items, kind="io", max_workers=4)
    seen = len(FINISHED)
    time.sleep(1.0)
    assert len(FINISHED) == seen, (
        f"{call}\n  {len(FINISHED) - seen} task(s) finished after the call had raised: the call should return or "
        "raise only after its workers are done (shut the pool down and wait)"
    )


@pytest.mark.timeout(20)
def test_no_process_keeps_running_after_the_exception(learner, tmp_path):
    # Item 0 fails at once while items 1-3 sleep 0.5 s in worker processes, then each leaves a file. The
    # call must wait for the running calls (or stop them) before it raises: no file may appear afterwards.
    items = [(0, 0.0, True, str(tmp_path))] + [(i, 0.5, False, str(tmp_path)) for i in range(1, 4)]
    call = "parallel_map(sleep_and_touch, <item 0 fails at once, items 1-3 sleep 0.5 s>, kind='cpu', max_workers=4)"
    with pytest.raises(TaskFailed):
        learner.parallel_map(sleep_and_touch, items, kind="cpu", max_workers=4)
    seen = set(os.listdir(tmp_path))
    time.sleep(1.5)
    late = set(os.listdir(tmp_path)) - seen
    assert not late, (
        f"{call}\n  {len(late)} task(s) finished after the call had raised: the call should return or raise "
        "only after its worker processes are done (shut the pool down and wait)"
    )


# ------------------------------------------------------------------------------------------- bad arguments


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "kind", ["thread", "IO", "process", "", None], ids=["thread", "IO", "process", "empty", "None"]
)
def test_an_unknown_kind_is_rejected(learner, kind):
    call = f"parallel_map(square, [1, 2], kind={kind!r})"
    assert_raises(ValueError, learner.parallel_map, square, [1, 2], kind=kind, match=r"\bkind\b", call=call)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("max_workers", [0, -2])
def test_max_workers_below_1_is_rejected(learner, kind, max_workers):
    call = f"parallel_map(square, [1, 2], kind={kind!r}, max_workers={max_workers})"
    assert_raises(
        ValueError,
        learner.parallel_map,
        square,
        [1, 2],
        kind=kind,
        max_workers=max_workers,
        match=r"\bmax_workers\b",
        call=call,
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("max_workers", [2.5, "2", True], ids=["float", "str", "bool"])
def test_max_workers_that_is_not_an_int_is_rejected(learner, kind, max_workers):
    # bool is an int to Python (True == 1), so only a deliberate check refuses it, as the docstring says.
    call = f"parallel_map(square, [1, 2], kind={kind!r}, max_workers={max_workers!r})"
    assert_raises(
        TypeError,
        learner.parallel_map,
        square,
        [1, 2],
        kind=kind,
        max_workers=max_workers,
        match=r"\bmax_workers\b",
        call=call,
    )


@pytest.mark.parametrize(
    "kwargs, error, name",
    [
        ({"kind": "gpu"}, ValueError, "kind"),
        ({"kind": "io", "max_workers": 0}, ValueError, "max_workers"),
        ({"kind": "cpu", "max_workers": 1.5}, TypeError, "max_workers"),
    ],
    ids=["unknown kind", "max_workers 0", "max_workers float"],
)
def test_arguments_are_checked_even_for_no_items(learner, kwargs, error, name):
    # "[] for no items" must not skip the checks: a bad call is bad whatever the items.
    shown = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    call = f"parallel_map(square, [], {shown})"
    assert_raises(error, learner.parallel_map, square, [], match=rf"\b{name}\b", call=call, **kwargs)
