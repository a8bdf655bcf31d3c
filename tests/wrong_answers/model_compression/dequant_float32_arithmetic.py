"""Computes (q - zero_point) * scale in float32 (scale rounded, then the product): off by a float32 step."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_dequantize_computes_in_float64_then_rounds_once"]


def dequantize(q, scale, zero_point, dtype=torch.float32):
    _solution.dequantize(q, scale, zero_point, dtype)  # the argument checks
    return (q.to(torch.int64) - zero_point).to(dtype) * scale
