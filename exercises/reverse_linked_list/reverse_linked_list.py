"""1.反转链表，不用递归

In English: 1. Reverse a linked list, without recursion.

Source: 000_1a4e42d0338c0b07.txt · coding: 二面 (the round's questions were "1.反转链表，不用递归" and
"2.TopK").

Reverse a singly linked list without recursion, then reverse only the part of it between two positions
(LeetCode 92). Both functions work in place: they change the ``next`` links of the nodes they are given and
return the head of the result. The result is made of exactly the nodes they were given: no copied or new
node ends up in it, and no value moves from one node to another (a single temporary sentinel node in front
of the head, which never appears in the result, is fine). They use O(1) extra memory (no list or stack of
nodes), so a list of 10^6 nodes is reversed in well under a second. A recursive answer fails on such a list
(Python's default recursion limit is 1,000 frames).

``ListNode`` is given: build lists with it, do not change it.
"""

from __future__ import annotations


# given
class ListNode:
    """One node of a singly linked list (given; do not change it).

    Args:
        val (any): the value stored in the node.
        next (ListNode or None): the following node, ``None`` at the tail.

    Example:
        >>> head = ListNode(1, ListNode(2))
        >>> head.val, head.next.val, head.next.next
        (1, 2, None)
    """

    __slots__ = ("val", "next")

    def __init__(self, val, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return f"ListNode({self.val!r})"


def reverse_list(head: ListNode | None) -> ListNode | None:
    """Reverse a whole list in place, iteratively.

    Args:
        head (ListNode or None): the first node of the list; ``None`` is the empty list.

    Returns:
        ListNode or None: the new head, which is the old tail (``None`` for the empty list). The nodes are
        the same objects as before, relinked; the old head is now the tail (its ``next`` is ``None``).

    Example:
        >>> head = ListNode(1, ListNode(2, ListNode(3)))
        >>> new = reverse_list(head)
        >>> new.val, new.next.val, new.next.next.val, new.next.next.next
        (3, 2, 1, None)
        >>> head.next is None
        True
    """
    raise NotImplementedError


def reverse_between(head: ListNode | None, left: int, right: int) -> ListNode | None:
    """Reverse the nodes at positions ``left`` to ``right`` (1-indexed, both included) in place.

    Positions count from 1 at ``head``. Nodes outside the range keep their order; the reversed run is
    linked back between them. ``left == right`` changes nothing.

    Args:
        head (ListNode or None): the first node of a list of ``n`` nodes.
        left (int): position of the first node to reverse, ``1 <= left``.
        right (int): position of the last node to reverse, ``left <= right <= n``.

    Returns:
        ListNode or None: the head of the list afterwards: the old node at ``right`` when ``left == 1``,
        otherwise ``head``. The nodes are the same objects as before, relinked.

    Raises:
        ValueError: unless ``1 <= left <= right <= n`` (an empty list has no valid positions); the message
            names ``left`` or ``right``. The list is left unchanged.
        TypeError: ``left`` or ``right`` is not an int (bool is refused too); the message names the argument.

    Example:
        >>> head = ListNode(1, ListNode(2, ListNode(3, ListNode(4, ListNode(5)))))
        >>> node, vals = reverse_between(head, 2, 4), []
        >>> while node is not None:
        ...     vals.append(node.val)
        ...     node = node.next
        >>> vals
        [1, 4, 3, 2, 5]
    """
    raise NotImplementedError
