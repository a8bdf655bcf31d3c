"""reverse_between checks its positions with an int conversion that lets True and False pass as 1 and 0."""

import operator

from solutions.reverse_linked_list.reverse_linked_list import *
from solutions.reverse_linked_list.reverse_linked_list import reverse_between as _right_reverse_between

CAUGHT_BY = ["test_reverse_between_refuses_bool_positions"]


def _position(name, value):
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected an int position, got {type(value).__name__}") from None


def reverse_between(head, left, right):
    return _right_reverse_between(head, _position("left", left), _position("right", right))
