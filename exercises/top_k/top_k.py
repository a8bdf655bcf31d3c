"""2.TopK，面试官说写一个解决办法就行，然后让我讲我知道的思路

In English: 2. TopK; the interviewer said writing one solution was enough, then asked me to talk through the
approaches I know.

Source: 000_1a4e42d0338c0b07.txt · coding: 二面 (the round's questions were "1.反转链表，不用递归" and
"2.TopK").

Write two functions: the ``k`` largest items of a stream, largest first, and the positions of the ``k``
largest values, largest first. For both, the input may be a one-shot iterator (a generator, a file): read
it once, from start to end, and keep O(k) items in memory, never the whole input (reading 10^6 items with
``k = 100`` must allocate well under 256 KB: a heap of ``k`` items takes a few kilobytes, a list of all of
them megabytes). Items need only compare with ``<`` and ``>`` (numbers, strings, tuples): do not assume
numbers. ``k <= 0`` gives ``[]``; ``k`` larger than the input gives all of it, sorted largest first.

The interviewer asked for one solution, then for the ideas you know: in a comment, say which others you
would consider (sorting, a heap, quickselect, counting for small integer ranges) and when.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def top_k(items: Iterable[Any], k: int) -> list:
    """The ``k`` largest items, largest first, in one pass and O(k) memory.

    Args:
        items (iterable of comparable items, e.g. numbers): read once, front to back; may be a one-shot
            iterator such as a generator.
        k (int): how many items to keep.

    Returns:
        list: the ``min(k, n)`` largest items in descending order (``n`` = number of items); ``[]`` when
        ``k <= 0``. Items that compare equal may come in either order.

    Raises:
        TypeError: ``k`` is not an int (bool is refused too); checked before anything else, also for an
            empty input; the message names ``k``.

    Example:
        >>> top_k((x * x % 11 for x in range(10)), 3)
        [9, 9, 5]
        >>> top_k([3, 1, 2], 10)
        [3, 2, 1]
    """
    raise NotImplementedError


def top_k_indices(values: Iterable[Any], k: int) -> list[int]:
    """Positions of the ``k`` largest values, largest value first; ties go to the smaller position.

    Args:
        values (iterable of comparable values, e.g. numbers): a list, a tuple or any iterable, read once;
            the position of a value is its 0-based index in iteration order.
        k (int): how many positions to return.

    Returns:
        list[int]: ``min(k, n)`` distinct positions (Python ints) ordered by value, largest first; among
        equal values the smaller position comes first (and is the one kept when only some of them fit).
        ``[]`` when ``k <= 0``.

    Raises:
        TypeError: ``k`` is not an int (bool is refused too); checked before anything else, also for an
            empty input; the message names ``k``.

    Example:
        >>> top_k_indices([5, 1, 5, 7, 5], 3)
        [3, 0, 2]
    """
    raise NotImplementedError
