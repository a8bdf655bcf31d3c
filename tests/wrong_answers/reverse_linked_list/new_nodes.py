"""Builds a reversed copy out of new nodes instead of relinking the nodes it was given."""

from solutions.reverse_linked_list.reverse_linked_list import *

CAUGHT_BY = [
    "test_reverse_list_relinks_the_same_nodes",
    "test_reverse_list_makes_the_old_head_the_tail",
    "test_reverse_list_uses_constant_extra_memory",
]


def reverse_list(head):
    new_head = None
    while head is not None:
        new_head = ListNode(head.val, new_head)
        head = head.next
    return new_head
