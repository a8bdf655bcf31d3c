"""Symmetric scale max|x| / 2**(num_bits-1) (128 for 8 bits) on the range -128 ... 127: max|x| clips."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_symmetric_quantization_uses_the_restricted_range_around_zero",
    "test_scale_and_zero_point_come_from_min_max_including_zero[mixed 8-bit sym]",
]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    if not symmetric:
        return _solution.quantize_per_tensor(x, num_bits, symmetric)
    v = x.detach().double()
    qmin, qmax = -(2 ** (num_bits - 1)), 2 ** (num_bits - 1) - 1
    amax = float(v.abs().max())
    scale = amax / 2 ** (num_bits - 1) if amax > 0 else 1.0
    q = torch.clamp(torch.round(v / scale), qmin, qmax).to(torch.int64)
    return q, scale, 0
