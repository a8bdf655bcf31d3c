"""Reverses the whole list recursively: right on short lists, RecursionError past 1,000 nodes."""

from solutions.reverse_linked_list.reverse_linked_list import *

CAUGHT_BY = ["test_reverse_list_handles_a_million_nodes"]


def reverse_list(head):
    if head is None or head.next is None:
        return head
    new_head = reverse_list(head.next)
    head.next.next = head
    head.next = None
    return new_head
