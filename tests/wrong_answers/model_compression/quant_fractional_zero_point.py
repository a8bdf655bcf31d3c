"""Keeps the zero point fractional (-min / scale) and rounds x / scale + zero_point: 0.0 is no longer exact."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_zero_is_represented_exactly[8-False]", "test_range_is_widened_to_include_zero[all negative]"]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    if symmetric:
        return _solution.quantize_per_tensor(x, num_bits, symmetric)
    v = x.detach().double()
    qmin, qmax = 0, 2**num_bits - 1
    lo, hi = min(float(v.min()), 0.0), max(float(v.max()), 0.0)
    scale = (hi - lo) / (qmax - qmin) if hi > lo else 1.0
    zero_point = -lo / scale
    q = torch.clamp(torch.round(v / scale + zero_point), qmin, qmax).to(torch.int64)
    return q, scale, zero_point
