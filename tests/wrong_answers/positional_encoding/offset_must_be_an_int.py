"""Accepts only whole offsets (isinstance(offset, int)): a fractional shift such as 2.5 raises a TypeError."""

from solutions.positional_encoding import positional_encoding as _solution
from solutions.positional_encoding.positional_encoding import *

CAUGHT_BY = ["test_offset_matrix_takes_a_fractional_offset"]


def offset_matrix(offset, d_model, base=10000.0, *, dtype=None):
    if isinstance(offset, bool) or not isinstance(offset, int):
        raise TypeError(f"offset: expected a whole number of positions, got {offset!r}")
    return _solution.offset_matrix(offset, d_model, base, dtype=dtype)
