"""1.连续子数组最大和

In English: 1. The largest sum of a contiguous subarray.

Source: 000_1a4e42d0338c0b07.txt · coding: 一面 (the round's two questions were "1.连续子数组最大和" and
"2.计算IOU").

Write the largest sum of a non-empty contiguous run of a list of numbers (ints or floats), and a second
function that also says where that run is: ``(total, start, stop)`` with ``nums[start:stop]`` the run
(``stop`` is exclusive, as in a slice). When several runs reach the same largest sum, return the one with
the smallest ``start``, and among those the smallest ``stop`` (the shortest). When every number is
negative the answer is the largest single number, never 0 (the run may not be empty). An empty list has
no non-empty run: raise ``ValueError``.

Both functions must take O(n) time and O(1) extra memory: one pass over the list, a few numbers kept, no
prefix-sum list and no copies (10^6 items take a fraction of a second; trying every pair of ends does not
finish).
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

Number = int | float


def _check_item(i: int, x: object) -> None:
    # The fast path keeps the check cheap on 10^6 plain ints or floats; the ABC covers Fraction and NumPy
    # scalars. bool is an int in Python, but a list of flags is almost surely a mistake.
    if type(x) is int or type(x) is float:
        return
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"nums: expected a sequence of int or float, got {type(x).__name__} at index {i}")


def max_subarray_span(nums: Sequence[Number]) -> tuple[Number, int, int]:
    """The largest sum of a non-empty contiguous run, and where the run is.

    Args:
        nums (sequence of int or float, length n >= 1): a list or tuple of numbers; not modified.

    Returns:
        tuple (total, start, stop): ``total == sum(nums[start:stop])`` is the largest sum of any non-empty
        contiguous run, ``0 <= start < stop <= n`` (``stop`` exclusive, as in a slice). Among runs with the
        same total, the smallest ``start`` wins, then the smallest ``stop``. ``total`` is an int when every
        item is an int.

    Raises:
        ValueError: ``nums`` is empty (an empty list or tuple); the message names ``nums``.
        TypeError: ``nums`` is not a sequence (an iterator or generator is refused), or an item is not an int
            or float (bool is refused too); the message names ``nums``.

    Example:
        >>> max_subarray_span([-2, 1, -3, 4, -1, 2, 1, -5, 4])
        (6, 3, 7)
        >>> max_subarray_span([-3, -1, -2])
        (-1, 1, 2)
        >>> max_subarray_span([2, -2, 2])
        (2, 0, 1)
    """
    try:
        n = len(nums)
    except TypeError:
        raise TypeError(f"nums: expected a sequence of numbers (a list or tuple), got {type(nums).__name__}") from None
    if n == 0:
        raise ValueError("nums: expected at least one number, got an empty sequence")
    _check_item(0, nums[0])
    # Kadane: `run` is the best sum of a run ending at i, starting at `run_start`.
    run, run_start = nums[0], 0
    best, best_start, best_stop = run, 0, 1
    for i in range(1, n):
        x = nums[i]
        if type(x) is not int and type(x) is not float:
            _check_item(i, x)
        # Extend while the run so far is >= 0, not just > 0: a run of sum 0 keeps the earlier start,
        # which is what the tie rule asks for (restarting on 0 would report a later start).
        if run >= 0:
            run += x
        else:
            run, run_start = x, i
        # Strictly greater keeps the first stop e that reaches the best sum, with the earliest start s for
        # that stop. No best run starts earlier: a run s' < s ending at e would need sum(s'..s-1) < 0
        # (s is the earliest for e), so one ending later than e would beat sum(s..that end) <= best.
        if run > best:
            best, best_start, best_stop = run, run_start, i + 1
    return best, best_start, best_stop


def max_subarray(nums: Sequence[Number]) -> Number:
    """The largest sum of a non-empty contiguous run of ``nums``.

    Args:
        nums (sequence of int or float, length n >= 1): a list or tuple of numbers; not modified.

    Returns:
        int or float: ``max(sum(nums[i:j]) for 0 <= i < j <= n)``; an int when every item is an int. When
        every number is negative this is the largest of them (the run may not be empty).

    Raises:
        ValueError: ``nums`` is empty (an empty list or tuple); the message names ``nums``.
        TypeError: ``nums`` is not a sequence (an iterator or generator is refused), or an item is not an int
            or float (bool is refused too); the message names ``nums``.

    Example:
        >>> max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4])
        6
        >>> max_subarray([-3.5, -1.25])
        -1.25
    """
    return max_subarray_span(nums)[0]
