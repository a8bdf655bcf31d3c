"""Pushes every node onto a Python list and relinks them from it: right nodes, but O(n) extra memory."""

from solutions.reverse_linked_list.reverse_linked_list import *

CAUGHT_BY = ["test_reverse_list_uses_constant_extra_memory"]


def reverse_list(head):
    stack = []
    while head is not None:
        stack.append(head)
        head = head.next
    if not stack:
        return None
    for a, b in zip(stack[::-1], stack[-2::-1], strict=False):
        a.next = b
    stack[0].next = None
    return stack[-1]
