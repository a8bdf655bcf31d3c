"""Sines in the first half of the columns and cosines in the second (tensor2tensor's layout), not interleaved."""

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
    return torch.cat([torch.sin(angles), torch.cos(angles)], dim=1).to(dtype or torch.get_default_dtype())


def offset_matrix(offset, d_model, base=10000.0, *, dtype=None):
    if d_model % 2:
        raise ValueError("d_model must be even")
    h = d_model // 2
    angle = offset * _freqs(d_model, base)
    c, s = torch.diag(torch.cos(angle)), torch.diag(torch.sin(angle))
    m = torch.cat([torch.cat([c, s], dim=1), torch.cat([-s, c], dim=1)], dim=0)
    assert m.shape == (2 * h, 2 * h)
    return m.to(dtype or torch.get_default_dtype())
