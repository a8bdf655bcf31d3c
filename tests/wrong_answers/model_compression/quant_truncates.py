"""Casts x / scale to an integer (truncation toward zero) instead of rounding: errors up to a whole step."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_quantization_error_is_at_most_half_a_step",
    "test_quantized_values_match_torch_fake_quantize",
    "test_dequantize_round_trip_is_within_half_a_step",
]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    _, scale, zero_point = _solution.quantize_per_tensor(x, num_bits, symmetric)
    qmin, qmax = (-(2 ** (num_bits - 1) - 1), 2 ** (num_bits - 1) - 1) if symmetric else (0, 2**num_bits - 1)
    q = torch.clamp((x.double() / scale).to(torch.int64) + zero_point, qmin, qmax)
    return q, scale, zero_point
