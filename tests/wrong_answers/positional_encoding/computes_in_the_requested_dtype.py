"""Computes angles, sines and cosines in the requested dtype: a long float32 table drifts by p * 6e-8."""

import math

import torch

from solutions.positional_encoding import positional_encoding as _solution
from solutions.positional_encoding.positional_encoding import *

CAUGHT_BY = ["test_float32_results_are_the_float64_results_rounded"]


def _freqs(d_model, base, dtype):
    return torch.exp(torch.arange(0, d_model, 2, dtype=dtype) * (-math.log(base) / d_model))


def sinusoidal_encoding(length, d_model, base=10000.0, *, dtype=None):
    dtype = dtype or torch.get_default_dtype()
    _solution.sinusoidal_encoding(0, d_model, base)  # the argument checks
    if isinstance(length, bool) or not isinstance(length, int) or length < 0:
        return _solution.sinusoidal_encoding(length, d_model, base, dtype=dtype)
    angles = torch.arange(length, dtype=dtype)[:, None] * _freqs(d_model, base, dtype)
    table = torch.empty(length, d_model, dtype=dtype)
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles)
    return table


def offset_matrix(offset, d_model, base=10000.0, *, dtype=None):
    dtype = dtype or torch.get_default_dtype()
    _solution.offset_matrix(offset, d_model, base)  # the argument checks
    angle = offset * _freqs(d_model, base, dtype)
    m = torch.zeros(d_model, d_model, dtype=dtype)
    even = torch.arange(0, d_model, 2)
    m[even, even] = m[even + 1, even + 1] = torch.cos(angle)
    m[even, even + 1] = torch.sin(angle)
    m[even + 1, even] = -torch.sin(angle)
    return m
