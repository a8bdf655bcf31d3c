"""Calibrates on [min(x), max(x)] without widening to include 0: ReLU outputs cannot represent 0.0."""

import torch

from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_range_is_widened_to_include_zero",
    "test_scale_and_zero_point_come_from_min_max_including_zero[positive 8-bit asym]",
]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    v = x.detach().double()
    if symmetric:
        qmax = 2 ** (num_bits - 1) - 1
        qmin = -qmax
        amax = float(v.abs().max())
        scale, zero_point = (amax / qmax if amax > 0 else 1.0), 0
    else:
        qmin, qmax = 0, 2**num_bits - 1
        lo, hi = float(v.min()), float(v.max())
        scale = (hi - lo) / (qmax - qmin) if hi > lo else 1.0
        zero_point = qmin - round(lo / scale)
    q = torch.clamp(torch.round(v / scale) + zero_point, qmin, qmax).to(torch.int64)
    return q, scale, zero_point
