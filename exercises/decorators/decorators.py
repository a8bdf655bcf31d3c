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

from collections.abc import Callable
from typing import Any


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
    raise NotImplementedError


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
    raise NotImplementedError


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
    raise NotImplementedError
