"""reverse_between collects the values of the run and writes them back reversed instead of relinking nodes."""

from solutions.reverse_linked_list.reverse_linked_list import *
from solutions.reverse_linked_list.reverse_linked_list import _position

CAUGHT_BY = [
    "test_reverse_between_relinks_the_same_nodes",
    "test_reverse_between_returns_the_new_head_when_left_is_1",
    "test_reverse_between_uses_constant_extra_memory",
]


def reverse_between(head, left, right):
    left, right = _position("left", left), _position("right", right)
    if left < 1:
        raise ValueError(f"left: expected a position >= 1, got {left}")
    if right < left:
        raise ValueError(f"right: expected left <= right, got left={left}, right={right}")
    run = []
    node, pos = head, 1
    while node is not None and pos <= right:
        if pos >= left:
            run.append(node)
        node, pos = node.next, pos + 1
    if pos <= right:
        raise ValueError(f"right: expected a position within the list, got {right}")
    values = [n.val for n in run][::-1]
    for n, v in zip(run, values, strict=True):
        n.val = v
    return head
