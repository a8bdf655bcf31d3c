"""Computes the angles in float32 and casts at the end: a float64 table is only float32-accurate."""

import math

import torch

from solutions.positional_encoding.positional_encoding import *

CAUGHT_BY = ["test_table_matches_the_formula_in_float64"]


def sinusoidal_encoding(length, d_model, base=10000.0, *, dtype=None):
    if d_model % 2:
        raise ValueError("d_model must be even")
    position = torch.arange(length, dtype=torch.float32)[:, None]
    div_term = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(base) / d_model))
    table = torch.zeros(length, d_model)
    table[:, 0::2] = torch.sin(position * div_term)
    table[:, 1::2] = torch.cos(position * div_term)
    return table.to(dtype or torch.get_default_dtype())
