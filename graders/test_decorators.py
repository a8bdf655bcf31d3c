"""Grader for decorators: timed, retry, memoize.

Expected values are counted here: the decorated functions record their own calls, a fake ``time.sleep``
records every wait, and the durations ``timed`` reports are checked against the time measured inside the
function (a lower bound) and around the call (an upper bound).

Promises and the tests that hold them:
- timed: returns fn's result with the same arguments -> test_timed_passes_arguments_through_and_returns_the_result
- timed: one float per call, in seconds, in call order -> test_timed_records_each_duration_in_seconds
  (the clock itself is not checked: the docstring says so)
- timed: a call that raises is recorded, its exception unchanged ->
  test_timed_records_a_call_that_raises_and_lets_the_exception_through
- each decorated function has its own state -> test_two_timed_functions_keep_separate_lists,
  test_two_memoized_functions_keep_separate_caches
- __name__, __doc__, __wrapped__ -> test_timed_keeps_name_doc_and_wrapped, test_retry_keeps_name_doc_and_wrapped,
  test_memoize_keeps_name_doc_and_wrapped
- not callable -> TypeError naming fn -> test_decorators_reject_what_is_not_callable
- retry: at most times attempts, the first result returned -> test_retry_makes_at_most_times_attempts
- retry: the same arguments each attempt -> test_retry_passes_the_same_arguments_to_every_attempt
- retry: the last attempt's exception itself -> test_retry_reraises_the_exception_of_the_last_attempt
- retry: only the listed exceptions (subclasses included, one class or a tuple; default Exception) ->
  test_retry_does_not_retry_exceptions_that_are_not_listed, test_retry_retries_subclasses_of_listed_exceptions,
  test_retry_accepts_a_single_exception_class, test_retry_by_default_does_not_retry_base_exceptions
- retry: time.sleep(delay) between attempts only; delay 0 does not wait ->
  test_retry_sleeps_delay_between_attempts_only, test_retry_with_no_delay_does_not_wait
- retry: ValueError for times < 1 or delay < 0, from retry(...) itself, naming it ->
  test_retry_rejects_fewer_than_one_attempt_when_made, test_retry_rejects_bad_arguments_when_made
- retry: TypeError for times, delay, exceptions of the wrong type, naming it ->
  test_retry_rejects_bad_arguments_when_made
- retry: bool refused for times and delay, delay must be a number -> test_retry_refuses_bool_and_non_numbers
- memoize: one call of fn per distinct arguments -> test_memoize_calls_fn_once_per_distinct_arguments
- memoize: keyword arguments by name, in any order -> test_memoize_keys_on_keyword_arguments,
  test_memoize_ignores_the_order_keywords_are_written_in
- memoize: positional and keyword are different keys -> test_memoize_treats_positional_and_keyword_as_different_keys
- memoize: equal arguments share an entry (1 and 1.0) -> test_memoize_shares_an_entry_between_equal_arguments
- memoize: None is cached, exceptions are not -> test_memoize_caches_a_none_result,
  test_memoize_does_not_cache_exceptions
- memoize: no size limit -> test_memoize_has_no_size_limit
- memoize: cache_clear() empties this cache, returns None -> test_memoize_cache_clear_empties_the_cache
- memoize: unhashable arguments raise TypeError before fn runs ->
  test_memoize_rejects_unhashable_arguments_before_calling_fn
"""

from __future__ import annotations

import time

import pytest

from graders.helpers import assert_close, assert_equal, assert_raises


def make_plain():
    def plain(a, b=2):
        """Multiply a by b."""
        return a * b

    return plain


def check_metadata(wrapper, original, call: str) -> None:
    for attr in ("__name__", "__doc__"):
        assert_equal(getattr(wrapper, attr, None), getattr(original, attr), call=call, what=attr)
    wrapped = getattr(wrapper, "__wrapped__", None)
    if wrapped is not original:
        raise AssertionError(
            f"{call}\n  __wrapped__ is {wrapped!r}, expected the original function (functools.wraps sets it)"
        )


class Log:
    """What a test function saw: its calls (args, kwargs) and the exceptions it raised."""

    def __init__(self):
        self.calls = []
        self.raised = []


def make_flaky(failures, result="done"):
    """A plain function raising the given exceptions on its first calls, then returning ``result``.

    Returns ``(function, log)``; the log is kept apart so that the decorator sees a plain function.
    """
    pending = list(failures)
    log = Log()

    def flaky(*args, **kwargs):
        """A function that fails a few times."""
        log.calls.append((args, kwargs))
        if pending:
            exc = pending.pop(0)
            log.raised.append(exc)
            raise exc
        return result

    return flaky, log


@pytest.fixture
def sleeps(monkeypatch, learner):
    """Replace time.sleep (also a ``sleep`` imported into the learner's module) by a recorder."""
    recorded: list[float] = []

    def fake_sleep(seconds):
        recorded.append(seconds)

    monkeypatch.setattr(time, "sleep", fake_sleep)
    if hasattr(learner, "sleep"):
        monkeypatch.setattr(learner, "sleep", fake_sleep)
    return recorded


# ------------------------------------------------------------------------------------------- timed


@pytest.mark.points(2)
def test_timed_records_each_duration_in_seconds(learner):
    inside: list[float] = []

    def nap(seconds):
        t0 = time.perf_counter()
        time.sleep(seconds)
        inside.append(time.perf_counter() - t0)
        return seconds

    wrapped = learner.timed(nap)
    around = []
    for seconds in (0.01, 0.04, 0.02):
        t0 = time.perf_counter()
        got = wrapped(seconds)
        around.append(time.perf_counter() - t0)
        assert_equal(got, seconds, call=f"timed(nap)({seconds})", what="return value")
    calls = list(getattr(wrapped, "calls", None) or [])
    assert_equal(len(calls), 3, call="w = timed(nap); w(0.01); w(0.04); w(0.02); w.calls", what="number of durations")
    for k, (d, lo, hi) in enumerate(zip(calls, inside, around, strict=True)):
        if not isinstance(d, float):
            raise AssertionError(f"w.calls[{k}] is {type(d).__name__} {d!r}, expected a float number of seconds")
        # The function itself slept lo seconds; the call took hi seconds from outside (plus clock slack).
        if not lo - 1e-3 <= d <= hi + 1e-3:
            raise AssertionError(
                f"w = timed(nap); w(0.01); w(0.04); w(0.02)\n  w.calls[{k}] is {d!r}, but the call took between "
                f"{lo:.4f} and {hi:.4f} seconds (durations in seconds, as floats)"
            )


def test_timed_passes_arguments_through_and_returns_the_result(learner):
    wrapped = learner.timed(make_plain())
    assert_equal(wrapped(3), 6, call="timed(plain)(3)")
    assert_equal(wrapped(3, b=5), 15, call="timed(plain)(3, b=5)")
    assert_equal(wrapped("ab", 3), "ababab", call="timed(plain)('ab', 3)")
    assert_equal(len(wrapped.calls), 3, call="len(w.calls) after three calls")


def test_timed_records_a_call_that_raises_and_lets_the_exception_through(learner):
    boom = ValueError("boom")

    def fails():
        raise boom

    wrapped = learner.timed(fails)
    try:
        wrapped()
    except ValueError as exc:
        if exc is not boom:
            raise AssertionError("timed(fails)() raised a different ValueError, expected fn's own exception") from exc
    else:
        raise AssertionError("timed(fails)() returned instead of letting fn's ValueError through")
    assert_equal(len(wrapped.calls), 1, call="w = timed(fails); w() raised; len(w.calls)")


def test_timed_keeps_name_doc_and_wrapped(learner):
    plain = make_plain()
    check_metadata(learner.timed(plain), plain, "timed(plain)")


def test_two_timed_functions_keep_separate_lists(learner):
    a = learner.timed(make_plain())
    b = learner.timed(make_plain())
    assert_equal(list(a.calls), [], call="timed(plain).calls before any call", what="calls")
    a(1)
    a(2)
    b(3)
    assert_equal((len(a.calls), len(b.calls)), (2, 1), call="a, b = timed(f), timed(g); a(1); a(2); b(3)")


# ------------------------------------------------------------------------------------------- retry


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "times, failures, expected_calls, succeeds",
    [(3, 2, 3, True), (3, 0, 1, True), (5, 1, 2, True), (2, 2, 2, False), (1, 1, 1, False), (4, 9, 4, False)],
    ids=[
        "3 attempts, succeeds on the 3rd",
        "succeeds at once",
        "5 attempts, succeeds on the 2nd",
        "2 attempts, both fail",
        "1 attempt never retries",
        "4 attempts, all fail",
    ],
)
def test_retry_makes_at_most_times_attempts(learner, sleeps, times, failures, expected_calls, succeeds):
    flaky, flog = make_flaky([OSError(f"failure {k + 1}") for k in range(failures)])
    wrapped = learner.retry(times)(flaky)
    call = f"retry({times})(f)() where f raises OSError on its first {failures} calls"
    if succeeds:
        assert_equal(wrapped(), "done", call=call)
    else:
        assert_raises(OSError, wrapped, call=call)
    assert_equal(len(flog.calls), expected_calls, call=call, what="number of calls of f")


def test_retry_passes_the_same_arguments_to_every_attempt(learner, sleeps):
    flaky, flog = make_flaky([ValueError("a"), ValueError("b")], result=42)
    wrapped = learner.retry(3)(flaky)
    assert_equal(wrapped(1, "x", key=[3]), 42, call="retry(3)(f)(1, 'x', key=[3])")
    assert_equal(flog.calls, [((1, "x"), {"key": [3]})] * 3, call="retry(3)(f)(1, 'x', key=[3])", what="calls of f")


@pytest.mark.points(2)
def test_retry_reraises_the_exception_of_the_last_attempt(learner, sleeps):
    flaky, flog = make_flaky([ConnectionError(f"attempt {k + 1}") for k in range(3)])
    wrapped = learner.retry(3, exceptions=(ConnectionError,))(flaky)
    exc = assert_raises(ConnectionError, wrapped, match="attempt 3", call="retry(3)(f)() where every attempt fails")
    if exc is not flog.raised[-1]:
        raise AssertionError(
            "retry(3)(f)() raised a ConnectionError with the right message but not the very exception of the "
            "last attempt; re-raise it (a bare `raise`), do not make a new one"
        )


@pytest.mark.points(2)
def test_retry_does_not_retry_exceptions_that_are_not_listed(learner, sleeps):
    flaky, flog = make_flaky([KeyError("missing"), KeyError("again")])
    wrapped = learner.retry(3, exceptions=(ValueError, TypeError))(flaky)
    call = "retry(3, exceptions=(ValueError, TypeError))(f)() where f raises KeyError"
    exc = assert_raises(KeyError, wrapped, call=call)
    assert_equal(len(flog.calls), 1, call=call, what="number of calls of f")
    if exc is not flog.raised[0]:
        raise AssertionError(f"{call}\n  raised a different KeyError, expected f's own exception, unchanged")


def test_retry_retries_subclasses_of_listed_exceptions(learner, sleeps):
    flaky, flog = make_flaky([KeyError("k"), IndexError("i")], result="ok")
    wrapped = learner.retry(3, exceptions=(LookupError,))(flaky)
    call = "retry(3, exceptions=(LookupError,))(f)() where f raises KeyError, then IndexError"
    assert_equal(wrapped(), "ok", call=call)
    assert_equal(len(flog.calls), 3, call=call, what="number of calls of f")


def test_retry_accepts_a_single_exception_class(learner, sleeps):
    flaky, flog = make_flaky([TimeoutError("slow")], result="ok")
    wrapped = learner.retry(2, exceptions=TimeoutError)(flaky)
    assert_equal(wrapped(), "ok", call="retry(2, exceptions=TimeoutError)(f)() where f fails once")


def test_retry_by_default_does_not_retry_base_exceptions(learner, sleeps):
    class Stop(BaseException):
        pass

    flaky, flog = make_flaky([Stop()])
    wrapped = learner.retry(3)(flaky)
    call = "retry(3)(f)() where f raises a BaseException subclass (like KeyboardInterrupt)"
    try:
        wrapped()
    except Stop:
        pass
    except BaseException as exc:  # noqa: BLE001 - reported
        raise AssertionError(f"{call}\n  raised {type(exc).__name__}, expected f's own exception") from exc
    else:
        raise AssertionError(f"{call}\n  returned instead of letting the exception through")
    assert_equal(len(flog.calls), 1, call=call, what="number of calls of f (the default retries Exception only)")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "times, failures, expected_sleeps",
    [(4, 2, 2), (3, 5, 2), (3, 0, 0), (1, 1, 0)],
    ids=["succeeds on the 3rd of 4", "all 3 fail", "succeeds at once", "one attempt"],
)
def test_retry_sleeps_delay_between_attempts_only(learner, sleeps, times, failures, expected_sleeps):
    flaky, flog = make_flaky([OSError("x")] * failures)
    wrapped = learner.retry(times, delay=0.25)(flaky)
    try:
        wrapped()
    except OSError:
        pass
    call = f"retry({times}, delay=0.25)(f)() where f fails {failures} times (time.sleep replaced by a recorder)"
    assert_equal(sleeps, [0.25] * expected_sleeps, call=call, what="time.sleep calls")


def test_retry_with_no_delay_does_not_wait(learner, sleeps):
    flaky, flog = make_flaky([OSError("x")] * 3)
    wrapped = learner.retry(5)(flaky)
    assert_equal(wrapped(), "done", call="retry(5)(f)() where f fails 3 times")
    waited = sum(sleeps)
    assert_close(waited, 0.0, call="retry(5)(f)() with the default delay=0", what="seconds passed to time.sleep")


def test_retry_keeps_name_doc_and_wrapped(learner):
    plain = make_plain()
    check_metadata(learner.retry(2)(plain), plain, "retry(2)(plain)")
    check_metadata(learner.retry(3, exceptions=KeyError, delay=0.5)(plain), plain, "retry(3, KeyError, 0.5)(plain)")


@pytest.mark.points(2)
@pytest.mark.parametrize("times", [0, -1])
def test_retry_rejects_fewer_than_one_attempt_when_made(learner, times):
    assert_raises(ValueError, learner.retry, times, match=r"\btimes\b", call=f"retry({times})")


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        ((2.5,), {}, TypeError, r"\btimes\b"),
        ((3,), {"delay": -1.0}, ValueError, r"\bdelay\b"),
        ((3,), {"exceptions": "ValueError"}, TypeError, r"\bexceptions\b"),
        ((3,), {"exceptions": (ValueError, 3)}, TypeError, r"\bexceptions\b"),
    ],
    ids=["times a float", "negative delay", "exceptions a string", "exceptions holds a non-class"],
)
def test_retry_rejects_bad_arguments_when_made(learner, args, kwargs, exc, match):
    assert_raises(exc, learner.retry, *args, match=match, **kwargs)


@pytest.mark.parametrize(
    "args, kwargs, match",
    [
        ((True,), {}, r"\btimes\b"),
        ((3,), {"delay": True}, r"\bdelay\b"),
        ((3,), {"delay": "0.5"}, r"\bdelay\b"),
        ((3,), {"delay": None}, r"\bdelay\b"),
    ],
    ids=["times True", "delay True", "delay a string", "delay None"],
)
def test_retry_refuses_bool_and_non_numbers(learner, args, kwargs, match):
    # bool is an int to Python (True == 1), so only a deliberate check refuses it, as the docstring says.
    shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
    assert_raises(TypeError, learner.retry, *args, match=match, call=f"retry({shown})", **kwargs)


# ------------------------------------------------------------------------------------------- memoize


def make_recorder(value=None, use_value=False):
    """A plain function returning a fresh list per call (so that cache hits are recognisable), or ``value``."""
    log = Log()

    def recorder(*args, **kwargs):
        """A function that records its calls."""
        log.calls.append((args, kwargs))
        return value if use_value else ["result", len(log.calls)]

    return recorder, log


@pytest.mark.points(2)
def test_memoize_calls_fn_once_per_distinct_arguments(learner):
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    first = f(1, 2)
    again = f(1, 2)
    other = f(2, 1)
    if again is not first:
        raise AssertionError("f = memoize(g); f(1, 2) twice: the second call did not return the cached result")
    assert_equal(len(rec_log.calls), 2, call="f = memoize(g); f(1, 2); f(1, 2); f(2, 1)", what="calls of g")
    if other is first:
        raise AssertionError("f = memoize(g); f(2, 1) returned the result cached for f(1, 2)")


@pytest.mark.points(2)
def test_memoize_keys_on_keyword_arguments(learner):
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    r2 = f(1, b=2)
    r3 = f(1, b=3)
    rc = f(1, c=2)
    call = "f = memoize(g); f(1, b=2); f(1, b=3); f(1, c=2)"
    assert_equal(len(rec_log.calls), 3, call=call, what="calls of g")
    if r3 is r2 or rc is r2:
        raise AssertionError(f"{call}\n  returned the result of f(1, b=2) for other keyword arguments")
    if f(1, b=2) is not r2:
        raise AssertionError(f"{call}; f(1, b=2)\n  did not return the result cached for f(1, b=2)")


def test_memoize_ignores_the_order_keywords_are_written_in(learner):
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    first = f(0, b=1, c=2)
    second = f(0, c=2, b=1)
    call = "f = memoize(g); f(0, b=1, c=2); f(0, c=2, b=1)"
    assert_equal(len(rec_log.calls), 1, call=call, what="calls of g (the same keywords in another order)")
    if second is not first:
        raise AssertionError(f"{call}\n  the second call did not return the cached result")


def test_memoize_treats_positional_and_keyword_as_different_keys(learner):
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    f(1, 2)
    f(1, b=2)
    f(1, ("b", 2))
    f(1, 2)
    call = "f = memoize(g); f(1, 2); f(1, b=2); f(1, ('b', 2)); f(1, 2)"
    assert_equal(
        rec_log.calls,
        [((1, 2), {}), ((1,), {"b": 2}), ((1, ("b", 2)), {})],
        call=call,
        what="calls of g (three different keys, the last call cached)",
    )


def test_memoize_shares_an_entry_between_equal_arguments(learner):
    # As dictionary keys do: 1 == 1.0 and hash(1) == hash(1.0), so f(1.0) finds f(1)'s result.
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    first = f(1, b=2)
    second = f(1.0, b=2.0)
    call = "f = memoize(g); f(1, b=2); f(1.0, b=2.0)"
    assert_equal(len(rec_log.calls), 1, call=call, what="calls of g (equal arguments share an entry, as dict keys do)")
    if second is not first:
        raise AssertionError(f"{call}\n  the second call did not return the result cached for f(1, b=2)")


def test_memoize_has_no_size_limit(learner):
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    for x in range(3000):
        f(x)
    for x in range(3000):
        f(x)
    call = "f = memoize(g); f(x) for x in range(3000), twice"
    assert_equal(len(rec_log.calls), 3000, call=call, what="calls of g (the cache has no size limit: nothing evicted)")


def test_memoize_caches_a_none_result(learner):
    rec, rec_log = make_recorder(value=None, use_value=True)
    f = learner.memoize(rec)
    got = [f("x"), f("x"), f("x")]
    assert_equal(got, [None, None, None], call="f = memoize(g) where g returns None; f('x') three times")
    assert_equal(
        len(rec_log.calls), 1, call="f = memoize(g) where g returns None; f('x') three times", what="calls of g"
    )


def test_memoize_cache_clear_empties_the_cache(learner):
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    f(5)
    f(6)
    f(5)
    assert_equal(f.cache_clear(), None, call="f.cache_clear()", what="return value")
    f(5)
    f(6)
    call = "f = memoize(g); f(5); f(6); f(5); f.cache_clear(); f(5); f(6)"
    assert_equal(len(rec_log.calls), 4, call=call, what="calls of g")


def test_two_memoized_functions_keep_separate_caches(learner):
    (rec_a, rec_a_log), (rec_b, rec_b_log) = make_recorder("a", True), make_recorder("b", True)
    fa, fb = learner.memoize(rec_a), learner.memoize(rec_b)
    call = "fa, fb = memoize(a), memoize(b); fa(1); fb(1); fb.cache_clear(); fa(1)"
    assert_equal((fa(1), fb(1)), ("a", "b"), call=call)
    fb.cache_clear()
    fa(1)
    assert_equal((len(rec_a_log.calls), len(rec_b_log.calls)), (1, 1), call=call, what="(calls of a, calls of b)")


def test_memoize_does_not_cache_exceptions(learner):
    flaky, flog = make_flaky([RuntimeError("first")], result=7)
    f = learner.memoize(flaky)
    assert_raises(RuntimeError, f, 3, call="f = memoize(g); f(3) where g raises on its first call")
    assert_equal(f(3), 7, call="f = memoize(g); f(3) raised; f(3)")
    assert_equal(f(3), 7, call="f = memoize(g); f(3) raised; f(3); f(3)")
    assert_equal(len(flog.calls), 2, call="f = memoize(g); f(3) raised; f(3); f(3)", what="calls of g")


def test_memoize_rejects_unhashable_arguments_before_calling_fn(learner):
    rec, rec_log = make_recorder()
    f = learner.memoize(rec)
    assert_raises(TypeError, f, [1, 2], call="memoize(g)([1, 2])")
    assert_raises(TypeError, f, 1, b={"k": 1}, call="memoize(g)(1, b={'k': 1})")
    assert_equal(rec_log.calls, [], call="memoize(g) called with unhashable arguments", what="calls of g")


def test_memoize_keeps_name_doc_and_wrapped(learner):
    plain = make_plain()
    check_metadata(learner.memoize(plain), plain, "memoize(plain)")


@pytest.mark.parametrize("decorator", ["timed", "memoize"])
def test_decorators_reject_what_is_not_callable(learner, decorator):
    assert_raises(TypeError, getattr(learner, decorator), 42, match=r"\bfn\b", call=f"{decorator}(42)")
