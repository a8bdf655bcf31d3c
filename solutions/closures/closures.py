"""2. 闭包

In English: 2. Closures.

Source: 004_4864363d713f5d38.txt · 三、python (the section's questions are "1. 多线程和多进程: io密集多线程,
cpu密集多进程", "2. 闭包", "3. 装饰器" and "4. 内存管理"; this is question 2).

Write three function factories whose state lives in closure cells, the variables of an enclosing function
that an inner function keeps alive after the outer one has returned:

* ``make_counter(start, step)`` returns a function that counts, like ``itertools.count`` does;
* ``make_averager()`` returns a function that takes one number at a time and returns the running mean;
* ``make_multipliers(n)`` returns ``n`` functions, the ``i``-th multiplying its argument by ``i``.

Rules: the state lives in closure cells (``nonlocal`` or a mutable object held in a cell), never in module
globals, never in attributes set on a function, never in a class or an instance of one; the functions
returned are plain functions. Every call of a factory makes a new, independent function. Beware the
late-binding trap: a function made in a loop sees the loop variable's value when it is *called*, not when
it was made.
"""

from __future__ import annotations

from collections.abc import Callable
from numbers import Real


def _check_number(name: str, value: object) -> None:
    # bool is a Real in Python's number tower, but counting in steps of True is almost surely a mistake.
    if not isinstance(value, Real) or isinstance(value, bool):
        raise TypeError(f"{name}: expected a real number (int or float), got {type(value).__name__} {value!r}")


def make_counter(start: float = 0, step: float = 1) -> Callable[[], float]:
    """A counter whose current value lives in a closure cell.

    The counter works like ``itertools.count(start, step)``: the first call returns ``start`` itself, each
    later call returns the previous value plus ``step``.

    Args:
        start (int or float): the value the first call returns. Default 0.
        step (int or float): added after every call; may be negative, zero or fractional. Default 1.

    Returns:
        Callable[[], int | float]: a plain function of no arguments returning ``start``, ``start + step``,
        ``start + 2 * step``, ... with the types ``itertools.count`` gives (ints stay ints: the first value
        is ``start`` itself, later ones are ``previous + step``). Every call of ``make_counter`` makes a
        new counter that shares nothing with the others.

    Raises:
        TypeError: ``start`` or ``step`` is not a real number (``bool`` is refused); the message names the
            argument.

    Example:
        >>> counter = make_counter(10, step=5)
        >>> counter(), counter(), counter()
        (10, 15, 20)
        >>> make_counter()()
        0
    """
    _check_number("start", start)
    _check_number("step", step)
    current = start

    def counter() -> float:
        # Without nonlocal, "current += step" would make current a local of counter and fail to read it.
        nonlocal current
        value = current
        current += step
        return value

    return counter


def make_averager() -> Callable[[float], float]:
    """A running mean whose total and count live in closure cells.

    Returns:
        Callable[[int | float], float]: a plain function ``averager(value)`` that adds ``value`` to the
        series and returns the mean of every value given to it so far, as a float. Every call of
        ``make_averager`` makes a new, independent series.

    Raises:
        TypeError: (from the averager) ``value`` is not a real number (``bool`` is refused); the series is
            left as it was; the message names ``value``.

    Example:
        >>> averager = make_averager()
        >>> averager(10), averager(11), averager(12)
        (10.0, 10.5, 11.0)
    """
    # Two numbers are enough: keeping every value in a list would also work but grows without bound.
    total = 0.0
    count = 0

    def averager(value: float) -> float:
        nonlocal total, count
        _check_number("value", value)
        total += value
        count += 1
        return total / count

    return averager


def _multiplier(factor: int) -> Callable[[float], float]:
    # A new call, hence a new cell, per factor: a lambda written directly in the loop would close over the
    # one loop variable and see its last value.
    def multiply(x):
        return factor * x

    return multiply


def make_multipliers(n: int) -> list[Callable[[float], float]]:
    """``n`` functions, the ``i``-th of which multiplies its argument by ``i``.

    Args:
        n (int): how many functions to make, ``n >= 0``.

    Returns:
        list of n functions: ``make_multipliers(n)[i](x) == i * x`` for ``i`` in ``range(n)``. Each is a plain
        function of exactly one argument ``x`` that keeps its own factor ``i`` in a closure cell (not in a
        default argument, which a caller could override by passing a second argument).

    Raises:
        TypeError: ``n`` is not an int (``bool`` is refused); the message names ``n``.
        ValueError: ``n`` is negative; the message names ``n``.

    Example:
        >>> times = make_multipliers(4)
        >>> [f(10) for f in times]
        [0, 10, 20, 30]
    """
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"n: expected an int, got {type(n).__name__} {n!r}")
    if n < 0:
        raise ValueError(f"n: expected n >= 0, got {n}")
    return [_multiplier(i) for i in range(n)]
