"""Subtracts the zero point in the codes' own dtype: uint8 codes below the zero point wrap around to 200-odd."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_dequantize_of_uint8_codes_below_the_zero_point"]


def dequantize(q, scale, zero_point, dtype=torch.float32):
    _solution.dequantize(q, scale, zero_point, dtype)  # the argument checks
    return ((q - zero_point).to(torch.float64) * scale).to(dtype)
