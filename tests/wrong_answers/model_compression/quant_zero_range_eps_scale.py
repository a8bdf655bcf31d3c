"""Gives an all-zero tensor a tiny scale (float32 eps, as PyTorch's observers clamp it) instead of 1.0."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_all_zero_tensor_gets_scale_one"]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    q, scale, zero_point = _solution.quantize_per_tensor(x, num_bits, symmetric)
    if not bool((x != 0).any()):
        scale = float(torch.finfo(torch.float32).eps)
    return q, scale, zero_point
