"""Positions normalised to p / length: index 2 of a 4-word sentence no longer matches index 2 of a 10-word one."""

import torch

from solutions.positional_encoding.positional_encoding import *
from solutions.positional_encoding.positional_encoding import sinusoidal_encoding as _right

CAUGHT_BY = [
    "test_table_matches_the_formula_in_float64",
    "test_row_of_a_position_does_not_depend_on_the_length",
    "test_offset_matrix_moves_the_learners_own_float32_table",
]


def sinusoidal_encoding(length, d_model, base=10000.0, *, dtype=None):
    if d_model % 2:
        raise ValueError("d_model must be even")
    freqs = base ** (-torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)
    angles = (torch.arange(length, dtype=torch.float64) / max(length, 1))[:, None] * freqs
    table = torch.empty(length, d_model, dtype=torch.float64)
    table[:, 0::2], table[:, 1::2] = torch.sin(angles), torch.cos(angles)
    return table.to(dtype or torch.get_default_dtype())
