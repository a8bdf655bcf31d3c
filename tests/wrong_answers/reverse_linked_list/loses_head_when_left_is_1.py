"""reverse_between without a dummy node: always returns the old head, which is wrong when left == 1."""

from solutions.reverse_linked_list.reverse_linked_list import *
from solutions.reverse_linked_list.reverse_linked_list import _position

CAUGHT_BY = [
    "test_reverse_between_returns_the_new_head_when_left_is_1",
    "test_reverse_between_of_hand_worked_cases[from the head]",
    "test_reverse_between_matches_slicing_for_every_range",
]


def reverse_between(head, left, right):
    left, right = _position("left", left), _position("right", right)
    if left < 1:
        raise ValueError(f"left: expected a position >= 1, got {left}")
    if right < left:
        raise ValueError(f"right: expected left <= right, got left={left}, right={right}")
    # Walk to the node before `left`, or stay "before the head" (None) when left == 1.
    before, node = None, head
    for _ in range(left - 1):
        if node is None:
            break
        before, node = node, node.next
    last = node
    for _ in range(right - left):
        if last is None:
            break
        last = last.next
    if node is None or last is None:
        raise ValueError(f"right: expected a position within the list, got {right}")
    after = last.next
    prev, cur = after, node
    while cur is not after:
        cur.next, prev, cur = prev, cur, cur.next
    if before is not None:
        before.next = prev
    return head
