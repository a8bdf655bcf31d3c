"""Grader for closures: make_counter, make_averager, make_multipliers.

Expected values come from ``itertools.count`` (the counter's documented twin), from a running mean computed
here with ``math.fsum``, and from ``i * x``. Where the state lives is checked by looking at the functions:
their ``__closure__`` cells must change as they are called, their ``__dict__`` must stay empty, they must be
plain functions, and the learner module's globals must be the same before and after.

Promises and the tests that hold them:
- counter: start, start + step, ... like itertools.count -> test_counter_counts_like_itertools_count_starting_at_start,
  test_counter_accepts_start_and_step_by_keyword
- counter: the value types itertools.count gives (ints stay ints) ->
  test_counter_values_have_the_types_itertools_count_gives
- each factory call makes an independent function -> test_two_counters_do_not_share_their_count,
  test_two_averagers_do_not_share_their_series
- state in closure cells, plain functions -> test_counter_keeps_its_count_in_a_closure_cell,
  test_averager_keeps_its_state_in_closure_cells, test_each_multiplier_closes_over_its_factor_and_takes_one_argument
- no attributes on the function -> test_counter_sets_no_attributes_on_the_function,
  test_averager_keeps_its_state_in_closure_cells
- no module globals -> test_counting_leaves_the_module_globals_alone, test_averaging_leaves_the_module_globals_alone,
  test_multipliers_do_not_change_the_module_globals
- counter: TypeError naming start or step -> test_counter_rejects_non_numbers
- bool refused (start, step, value, n) -> test_bool_is_refused_where_a_number_is_asked
- averager: the mean so far, as a float -> test_averager_returns_the_mean_so_far,
  test_averager_matches_running_mean_on_random_values, test_averager_returns_a_float_for_integers
- averager: TypeError naming value, series unchanged -> test_averager_rejects_non_numbers_and_keeps_its_series,
  test_bool_is_refused_where_a_number_is_asked
- multipliers: the i-th multiplies by i (no late binding) -> test_each_multiplier_uses_its_own_factor
- multipliers: a list of n, one argument each -> test_multipliers_are_a_list_of_n_functions,
  test_each_multiplier_closes_over_its_factor_and_takes_one_argument
- multipliers: TypeError / ValueError naming n -> test_multipliers_reject_bad_n
"""

from __future__ import annotations

import copy
import inspect
import itertools
import math
import random
import types
from collections import deque

import pytest

from graders.helpers import assert_close, assert_equal, assert_raises

# ------------------------------------------------------------------------------------------- helpers


def cell_reprs(fn) -> list[str]:
    """What each closure cell of ``fn`` holds, as text (so that a list mutated in place also shows)."""
    out = []
    for cell in fn.__closure__ or ():
        try:
            out.append(repr(cell.cell_contents))
        except ValueError:  # an empty cell
            out.append("<empty>")
    return out


def module_state(module) -> dict[str, object]:
    """The learner module's globals: identity of each value, plus a copy of containers and function dicts."""
    state = {}
    for name, value in vars(module).items():
        if name.startswith("__") and name.endswith("__"):
            continue
        content = None
        if isinstance(value, (dict, list, set, deque, bytearray)):
            content = copy.copy(value)
        elif isinstance(value, types.FunctionType):
            content = dict(value.__dict__)
        state[name] = (id(value), content)
    return state


def assert_same_module_state(before, after, call: str) -> None:
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if changed:
        raise AssertionError(
            f"{call}\n  changed the module's globals: {', '.join(changed)}\n"
            "  the state must live in closure cells of the returned function, not at module level"
        )


def assert_plain_function(fn, learner, what: str) -> None:
    if type(fn) is not types.FunctionType:
        raise AssertionError(
            f"{what} returned a {type(fn).__name__}, expected a plain function (def or lambda); "
            "no classes, instances with __call__, partials or bound methods"
        )
    for cell in fn.__closure__ or ():
        try:
            held = cell.cell_contents
        except ValueError:
            continue
        if type(held).__module__ == learner.__name__ and not isinstance(held, types.FunctionType):
            raise AssertionError(
                f"{what}: a closure cell holds an instance of {type(held).__name__}, a class defined in your "
                "module; keep the state in plain variables (or built-in containers) instead"
            )


def counts(counter, k: int) -> list:
    return [counter() for _ in range(k)]


# ------------------------------------------------------------------------------------------- make_counter

COUNTER_CASES = [
    ((), "default: 0, 1, 2, ..."),
    ((5,), "start=5"),
    ((5, 3), "start=5, step=3"),
    ((-2, -4), "counting down"),
    ((7, 0), "step=0 repeats start"),
    ((1.5, 0.25), "fractional step"),
]


@pytest.mark.points(2)
@pytest.mark.parametrize("args, case", COUNTER_CASES, ids=[c[1] for c in COUNTER_CASES])
def test_counter_counts_like_itertools_count_starting_at_start(learner, args, case):
    counter = learner.make_counter(*args)
    got = counts(counter, 6)
    expected = list(itertools.islice(itertools.count(*args), 6))
    call = f"c = make_counter({', '.join(map(repr, args))}); [c() for _ in range(6)]  [{case}]"
    assert_close(got, expected, call=call)
    assert_equal(got[0], expected[0], call=call + " — the first call returns start itself", what="first value")


@pytest.mark.parametrize(
    "args", [(), (5, 3), (-2, -4), (1.5, 0.25), (1, 0.5), (5, 2.0)], ids=lambda a: f"make_counter{tuple(a)!r}"
)
def test_counter_values_have_the_types_itertools_count_gives(learner, args):
    # itertools.count(1, 0.5) gives 1 (the int start itself), then 1.5, 2.0, ...; ints stay ints.
    got = counts(learner.make_counter(*args), 4)
    expected = list(itertools.islice(itertools.count(*args), 4))
    got_types = [type(v).__name__ for v in got]
    expected_types = [type(v).__name__ for v in expected]
    if got_types != expected_types:
        raise AssertionError(
            f"c = make_counter({', '.join(map(repr, args))}); [c() for _ in range(4)]\n"
            f"  returned {got!r} of types {got_types}, expected {expected!r} of types {expected_types} "
            "(as itertools.count: the first value is start itself, then previous + step)"
        )


def test_counter_accepts_start_and_step_by_keyword(learner):
    counter = learner.make_counter(step=10, start=-5)
    assert_equal(counts(counter, 4), [-5, 5, 15, 25], call="c = make_counter(step=10, start=-5); 4 calls")


@pytest.mark.points(2)
def test_two_counters_do_not_share_their_count(learner):
    a = learner.make_counter()
    b = learner.make_counter(100, 10)
    got = [a(), b(), a(), a(), b(), learner.make_counter()(), a(), b()]
    expected = [0, 100, 1, 2, 110, 0, 3, 120]
    assert_equal(
        got,
        expected,
        call="a = make_counter(); b = make_counter(100, 10); a(), b(), a(), a(), b(), make_counter()(), a(), b()",
    )


def test_counter_keeps_its_count_in_a_closure_cell(learner):
    counter = learner.make_counter(3, 2)
    assert_plain_function(counter, learner, "make_counter(3, 2)")
    if not counter.__closure__:
        raise AssertionError("make_counter(3, 2) returned a function with no closure cells (__closure__ is None)")
    before = cell_reprs(counter)
    counter()
    after = cell_reprs(counter)
    if before == after:
        raise AssertionError(
            "c = make_counter(3, 2); c()\n  no closure cell of c changed after the call: "
            f"cells hold {before}; the count should live in a cell (nonlocal)"
        )


def test_counter_sets_no_attributes_on_the_function(learner):
    counter = learner.make_counter()
    counts(counter, 3)
    assert_equal(
        sorted(vars(counter)),
        [],
        call="c = make_counter(); c(); c(); c(); vars(c)",
        what="attributes set on the function",
    )


def test_counting_leaves_the_module_globals_alone(learner):
    before = module_state(learner)
    a, b = learner.make_counter(), learner.make_counter(5)
    counts(a, 3)
    counts(b, 2)
    after = module_state(learner)
    assert_same_module_state(before, after, "a = make_counter(); b = make_counter(5); 3 calls of a, 2 of b")


@pytest.mark.parametrize(
    "kwargs, match",
    [({"start": "0"}, r"\bstart\b"), ({"step": None}, r"\bstep\b"), ({"start": 1, "step": [1]}, r"\bstep\b")],
    ids=["start a string", "step None", "step a list"],
)
def test_counter_rejects_non_numbers(learner, kwargs, match):
    assert_raises(TypeError, learner.make_counter, match=match, **kwargs)


# ------------------------------------------------------------------------------------------- make_averager


def running_means(values: list[float]) -> list[float]:
    return [math.fsum(values[: k + 1]) / (k + 1) for k in range(len(values))]


def test_averager_returns_the_mean_so_far(learner):
    averager = learner.make_averager()
    got = [averager(v) for v in (10, 11, 12, 3)]
    assert_close(got, [10.0, 10.5, 11.0, 9.0], call="a = make_averager(); a(10), a(11), a(12), a(3)")


@pytest.mark.points(2)
def test_averager_matches_running_mean_on_random_values(learner):
    seed = 17
    rng = random.Random(seed)
    values = [rng.uniform(-100, 100) for _ in range(40)] + [rng.randint(-5, 5) for _ in range(10)]
    averager = learner.make_averager()
    got = [averager(v) for v in values]
    assert_close(got, running_means(values), call="a = make_averager(); [a(v) for v in 50 values]", seed=seed)


def test_averager_returns_a_float_for_integers(learner):
    averager = learner.make_averager()
    got = averager(3)
    assert_equal(type(got).__name__, "float", call="make_averager()(3)", what="type of the result")
    got = averager(4)
    assert_close(got, 3.5, call="a = make_averager(); a(3); a(4)")


@pytest.mark.points(2)
def test_two_averagers_do_not_share_their_series(learner):
    a = learner.make_averager()
    b = learner.make_averager()
    got = [a(1), b(100), a(3), b(200), learner.make_averager()(7), a(5)]
    assert_close(
        got,
        [1.0, 100.0, 2.0, 150.0, 7.0, 3.0],
        call="a, b = make_averager(), make_averager(); a(1), b(100), a(3), b(200), make_averager()(7), a(5)",
    )


def test_averager_keeps_its_state_in_closure_cells(learner):
    averager = learner.make_averager()
    assert_plain_function(averager, learner, "make_averager()")
    if not averager.__closure__:
        raise AssertionError("make_averager() returned a function with no closure cells (__closure__ is None)")
    averager(1.0)
    before = cell_reprs(averager)
    averager(2.0)
    after = cell_reprs(averager)
    if before == after:
        raise AssertionError(
            "a = make_averager(); a(1.0); a(2.0)\n  no closure cell of a changed during the second call: "
            f"cells hold {before}; the running total and count should live in cells"
        )
    assert_equal(sorted(vars(averager)), [], call="vars(a) after a(1.0), a(2.0)", what="attributes set on the function")


def test_averaging_leaves_the_module_globals_alone(learner):
    before = module_state(learner)
    a, b = learner.make_averager(), learner.make_averager()
    a(1)
    b(2)
    a(3)
    after = module_state(learner)
    assert_same_module_state(before, after, "a, b = make_averager(), make_averager(); a(1); b(2); a(3)")


def test_averager_rejects_non_numbers_and_keeps_its_series(learner):
    averager = learner.make_averager()
    averager(2)
    assert_raises(TypeError, averager, "4", match=r"\bvalue\b", call="a = make_averager(); a(2); a('4')")
    assert_close(averager(4), 3.0, call="a = make_averager(); a(2); a('4') raised; a(4)")


# ------------------------------------------------------------------------------------------- make_multipliers


@pytest.mark.points(2)
@pytest.mark.parametrize("n", [2, 5, 8])
def test_each_multiplier_uses_its_own_factor(learner, n):
    # The late-binding trap: [lambda x: i * x for i in range(n)] gives n functions that all use n - 1.
    multipliers = learner.make_multipliers(n)
    for x in (3, -2.5, 10):
        got = [m(x) for m in multipliers]
        assert_close(got, [i * x for i in range(n)], call=f"[m({x}) for m in make_multipliers({n})]")


def test_multipliers_are_a_list_of_n_functions(learner):
    got = learner.make_multipliers(6)
    assert_equal(type(got).__name__, "list", call="make_multipliers(6)", what="type of the result")
    assert_equal(len(got), 6, call="make_multipliers(6)", what="length of the result")
    assert_equal(learner.make_multipliers(0), [], call="make_multipliers(0)")
    assert_close([m(7) for m in learner.make_multipliers(1)], [0], call="[m(7) for m in make_multipliers(1)]")


def test_each_multiplier_closes_over_its_factor_and_takes_one_argument(learner):
    multipliers = learner.make_multipliers(4)
    for i, m in enumerate(multipliers):
        assert_plain_function(m, learner, f"make_multipliers(4)[{i}]")
        params = list(inspect.signature(m).parameters.values())
        if len(params) != 1:
            raise AssertionError(
                f"make_multipliers(4)[{i}] takes {len(params)} parameters ({', '.join(p.name for p in params)}), "
                "expected exactly one (x); a default argument like i=i lets a caller override the factor"
            )
        held = []
        for cell in m.__closure__ or ():
            try:
                held.append(cell.cell_contents)
            except ValueError:
                pass
        if not any(type(h) is int and h == i for h in held):
            raise AssertionError(
                f"make_multipliers(4)[{i}] does not keep its factor {i} in a closure cell "
                f"(its cells hold {[repr(h) for h in held]})"
            )


def test_multipliers_do_not_change_the_module_globals(learner):
    before = module_state(learner)
    multipliers = learner.make_multipliers(3)
    [m(2) for m in multipliers]
    after = module_state(learner)
    assert_same_module_state(before, after, "[m(2) for m in make_multipliers(3)]")


@pytest.mark.parametrize(
    "n, exc, match",
    [(-1, ValueError, r"\bn\b"), (2.0, TypeError, r"\bn\b"), ("3", TypeError, r"\bn\b")],
    ids=["negative", "a float", "a string"],
)
def test_multipliers_reject_bad_n(learner, n, exc, match):
    assert_raises(exc, learner.make_multipliers, n, match=match)


# ------------------------------------------------------------------------------------------- bool


def test_bool_is_refused_where_a_number_is_asked(learner):
    # bool is an int to Python (True + 1 == 2), so only a deliberate check refuses it, as the docstrings say.
    assert_raises(TypeError, learner.make_counter, True, match=r"\bstart\b", call="make_counter(True)")
    assert_raises(TypeError, learner.make_counter, 0, False, match=r"\bstep\b", call="make_counter(0, False)")
    averager = learner.make_averager()
    averager(4)
    assert_raises(TypeError, averager, True, match=r"\bvalue\b", call="a = make_averager(); a(4); a(True)")
    assert_close(averager(6), 5.0, call="a = make_averager(); a(4); a(True) raised; a(6)  (the series is unchanged)")
    assert_raises(TypeError, learner.make_multipliers, True, match=r"\bn\b", call="make_multipliers(True)")
