"""Cosines in the even columns and sines in the odd ones (and the rotation built for that layout)."""

import torch

from solutions.positional_encoding.positional_encoding import *

CAUGHT_BY = [
    "test_table_matches_the_formula_in_float64",
    "test_even_columns_hold_sines_and_odd_columns_cosines",
    "test_offset_matrix_moves_every_position_by_k_in_float64",
]


def _freqs(d_model, base):
    return base ** (-torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)


def sinusoidal_encoding(length, d_model, base=10000.0, *, dtype=None):
    if d_model % 2:
        raise ValueError("d_model must be even")
    angles = torch.arange(length, dtype=torch.float64)[:, None] * _freqs(d_model, base)
    table = torch.empty(length, d_model, dtype=torch.float64)
    table[:, 0::2] = torch.cos(angles)
    table[:, 1::2] = torch.sin(angles)
    return table.to(dtype or torch.get_default_dtype())


def offset_matrix(offset, d_model, base=10000.0, *, dtype=None):
    if d_model % 2:
        raise ValueError("d_model must be even")
    angle = offset * _freqs(d_model, base)
    m = torch.zeros(d_model, d_model, dtype=torch.float64)
    e = torch.arange(0, d_model, 2)
    # (cos a, sin a) -> (cos(a + b), sin(a + b))
    m[e, e], m[e, e + 1], m[e + 1, e], m[e + 1, e + 1] = (
        torch.cos(angle),
        -torch.sin(angle),
        torch.sin(angle),
        torch.cos(angle),
    )
    return m.to(dtype or torch.get_default_dtype())
