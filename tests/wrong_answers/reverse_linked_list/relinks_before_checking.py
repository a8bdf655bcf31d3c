"""reverse_between finds that right is past the end only while relinking, and raises with the list half changed."""

from solutions.reverse_linked_list.reverse_linked_list import *
from solutions.reverse_linked_list.reverse_linked_list import _position

CAUGHT_BY = ["test_reverse_between_leaves_the_list_unchanged_when_it_raises"]


def reverse_between(head, left, right):
    left, right = _position("left", left), _position("right", right)
    if left < 1:
        raise ValueError(f"left: expected a position >= 1, got {left}")
    if right < left:
        raise ValueError(f"right: expected left <= right, got left={left}, right={right}")
    dummy = ListNode(None, head)
    before = dummy
    for _ in range(left - 1):
        if before.next is None:
            raise ValueError(f"left: expected a position within the list, got {left}")
        before = before.next
    first = before.next
    if first is None:
        raise ValueError(f"left: expected a position within the list, got {left}")
    for _ in range(right - left):
        moved = first.next
        if moved is None:
            raise ValueError(f"right: expected a position within the list, got {right}")
        first.next = moved.next
        moved.next = before.next
        before.next = moved
    return dummy.next
