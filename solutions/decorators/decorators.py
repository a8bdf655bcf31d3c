"""3. 装饰器

In English: 3. Decorators.

Source: 004_4864363d713f5d38.txt · 三、python (the section's questions are "1. 多线程和多进程: io密集多线程,
cpu密集多进程", "2. 闭包", "3. 装饰器" and "4. 内存管理"; this is question 3).

Write three decorators:

* ``timed`` records how long each call takes, in seconds, in a list ``wrapper.calls``;
* ``retry(times, exceptions, delay)`` is a decorator *factory*: it returns a decorator that calls the
  function again when it raises one of ``exceptions``, at most ``times`` attempts in all;
* ``memoize`` caches results by the call's arguments and has a ``cache_clear()`` method.

Every wrapper looks like the function it wraps: the same ``__name__`` and ``__doc__``, and ``__wrapped__``
pointing at the original (what ``functools.wraps`` does, which you may use). Each decorated function has
state of its own: two functions decorated with ``timed`` or ``memoize`` share no list and no cache.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any


def _check_callable(fn: object) -> None:
    if not callable(fn):
        raise TypeError(f"fn: expected a callable to decorate, got {type(fn).__name__} {fn!r}")


def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Record the duration of every call of ``fn``.

    Args:
        fn (callable): the function to time.

    Returns:
        callable: a wrapper that calls ``fn`` with the same arguments and returns what it returns. The wrapper
        has an attribute ``calls``, a list that starts empty and gets one ``float`` per call: the duration in
        seconds, in call order (measure it with ``time.perf_counter``; the grader checks the duration, not
        the clock). A call that raises is recorded too, and
        its exception propagates unchanged. The wrapper keeps ``fn``'s ``__name__`` and ``__doc__`` and sets
        ``__wrapped__`` to ``fn``.

    Raises:
        TypeError: ``fn`` is not callable; the message names ``fn``.

    Example:
        >>> @timed
        ... def add(a, b):
        ...     "Add two numbers."
        ...     return a + b
        >>> add(2, 3), add(4, b=5)
        (5, 9)
        >>> len(add.calls), type(add.calls[0]).__name__, add.__name__, add.__doc__
        (2, 'float', 'add', 'Add two numbers.')
    """
    _check_callable(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            # finally: a call that raises took time too, and leaving it out would hide slow failures.
            wrapper.calls.append(time.perf_counter() - start)

    # An attribute of this wrapper, made here: a list shared by all timed functions would mix them up.
    wrapper.calls = []
    return wrapper


def _check_exceptions(exceptions: object) -> tuple[type[BaseException], ...]:
    classes = exceptions if isinstance(exceptions, tuple) else (exceptions,)
    if not all(isinstance(c, type) and issubclass(c, BaseException) for c in classes):
        raise TypeError(
            f"exceptions: expected an exception class or a tuple of them, got {type(exceptions).__name__} "
            f"{exceptions!r}"
        )
    return classes


def retry(
    times: int, exceptions: type[BaseException] | tuple[type[BaseException], ...] = (Exception,), delay: float = 0.0
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator that calls a function again when it raises one of ``exceptions``.

    Args:
        times (int): the most attempts in all, the first call included; ``times >= 1`` (``1`` never retries).
        exceptions (exception class or tuple of them): the exceptions that cause another attempt, subclasses
            included, as in an ``except`` clause. Anything else propagates at once. Default ``(Exception,)``,
            so ``KeyboardInterrupt`` and ``SystemExit`` are never retried.
        delay (float): seconds to wait with ``time.sleep(delay)`` before each new attempt: never before the
            first, never after the last, so at most ``times - 1`` waits. ``0`` (the default) does not wait.

    Returns:
        callable: a decorator. The function it returns passes its arguments to every attempt and returns the
        first result that comes back without an exception; when all ``times`` attempts raise, it re-raises
        the exception of the last attempt itself (not a new one). It keeps the function's ``__name__`` and
        ``__doc__`` and sets ``__wrapped__`` to it.

    Raises:
        ValueError: ``times < 1`` or ``delay < 0``; raised by ``retry(...)`` itself, before any decorating;
            the message names the argument.
        TypeError: ``times`` is not an int, ``delay`` is not an int or float (``bool`` is refused for both),
            or ``exceptions`` is not an exception class or a tuple of them; also raised by ``retry(...)``
            itself; the message names the argument.

    Example:
        >>> attempts = []
        >>> @retry(3, exceptions=ConnectionError)
        ... def fetch():
        ...     attempts.append(1)
        ...     if len(attempts) < 3:
        ...         raise ConnectionError("try again")
        ...     return "data"
        >>> fetch(), len(attempts)
        ('data', 3)
    """
    # Checked here, when the decorator is made: a mistake in @retry(0) should show at import time, not on
    # the first call in production.
    if not isinstance(times, int) or isinstance(times, bool):
        raise TypeError(f"times: expected an int, got {type(times).__name__} {times!r}")
    if times < 1:
        raise ValueError(f"times: expected at least 1 attempt, got {times}")
    if not isinstance(delay, (int, float)) or isinstance(delay, bool):
        raise TypeError(f"delay: expected a number of seconds, got {type(delay).__name__} {delay!r}")
    if delay < 0:
        raise ValueError(f"delay: expected seconds >= 0, got {delay}")
    retry_on = _check_exceptions(exceptions)

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        _check_callable(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except retry_on:
                    if attempt == times:
                        # A bare raise re-raises the last attempt's exception with its own traceback.
                        raise
                if delay > 0:
                    time.sleep(delay)
            raise AssertionError("unreachable: the last attempt returns or raises")

        return wrapper

    return decorator


_MISSING = object()


def memoize(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Cache ``fn``'s results by the arguments of each call.

    The key of a call is its positional arguments together with its keyword arguments by name; the order in
    which keywords are written does not matter, so ``f(1, b=2, c=3)`` and ``f(1, c=3, b=2)`` share an entry.
    An argument passed by position and the same argument passed by keyword are different keys:
    ``f(1, 2)`` and ``f(1, b=2)`` both call ``fn`` (as ``functools.lru_cache`` does). Arguments that compare
    equal share an entry as dictionary keys do (``f(1)`` and ``f(1.0)``). A result of ``None`` is cached like
    any other; a call that raises caches nothing. The cache has no size limit.

    Args:
        fn (callable): the function to cache; its results should depend on its arguments only.

    Returns:
        callable: a wrapper with a method ``cache_clear()`` that empties this function's cache (each memoized
        function has a cache of its own). The wrapper keeps ``fn``'s ``__name__`` and ``__doc__`` and sets
        ``__wrapped__`` to ``fn``.

    Raises:
        TypeError: ``fn`` is not callable (the message names ``fn``); also, from the wrapper, an argument is
            unhashable (a list, a dict): the call raises before ``fn`` runs, as with ``functools.lru_cache``.

    Example:
        >>> @memoize
        ... def square(x):
        ...     print("computing", x)
        ...     return x * x
        >>> square(4)
        computing 4
        16
        >>> square(4)
        16
        >>> square.cache_clear()
        >>> square(4)
        computing 4
        16
    """
    _check_callable(fn)
    cache: dict[Any, Any] = {}

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        # Two separate parts, never one flat tuple: f(1, b=2) must not collide with f(1, ("b", 2)).
        # A frozenset makes the keyword part independent of the order the keywords were written in.
        key = (args, frozenset(kwargs.items()))
        # A sentinel, not None, marks "absent": None is a result worth caching too. The lookup also hashes
        # the key, so unhashable arguments raise TypeError here, before fn is called.
        result = cache.get(key, _MISSING)
        if result is _MISSING:
            result = fn(*args, **kwargs)
            cache[key] = result
        return result

    wrapper.cache_clear = cache.clear
    return wrapper
