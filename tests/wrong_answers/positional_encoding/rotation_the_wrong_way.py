"""offset_matrix built as the transpose (the rotation by -k): it moves positions backwards."""

from solutions.positional_encoding.positional_encoding import *
from solutions.positional_encoding.positional_encoding import offset_matrix as _right

CAUGHT_BY = [
    "test_offset_matrix_moves_every_position_by_k_in_float64",
    "test_offset_matrix_moves_the_learners_own_float32_table",
    "test_offset_matrix_of_one_step_in_two_dimensions",
]


def offset_matrix(offset, d_model, base=10000.0, *, dtype=None):
    return _right(offset, d_model, base, dtype=dtype).T
