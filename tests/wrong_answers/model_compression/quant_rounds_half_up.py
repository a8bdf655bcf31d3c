"""Rounds x / scale half up, floor(v + 0.5), instead of half to even: the tie -1.5 becomes -1, 0.5 becomes 1."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_rounding_ties_go_to_even"]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    _, scale, zero_point = _solution.quantize_per_tensor(x, num_bits, symmetric)
    qmin, qmax = (-(2 ** (num_bits - 1) - 1), 2 ** (num_bits - 1) - 1) if symmetric else (0, 2**num_bits - 1)
    q = torch.clamp(torch.floor(x.double() / scale + 0.5) + zero_point, qmin, qmax).to(torch.int64)
    return q, scale, zero_point
