"""Error messages for a bad x never name the argument x ("expected at least one element")."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_quantize_rejects_bad_arguments[empty]",
    "test_quantize_rejects_bad_arguments[nan]",
    "test_quantize_rejects_bad_arguments[integer x]",
]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    if not isinstance(x, torch.Tensor) or not x.is_floating_point():
        raise TypeError("expected a floating-point tensor")
    if x.numel() == 0:
        raise ValueError("expected at least one element to calibrate on")
    if not bool(torch.isfinite(x).all()):
        raise ValueError("expected finite values, got NaN or infinity")
    return _solution.quantize_per_tensor(x, num_bits, symmetric)
