"""Subtracts the zero point from q in place (q.sub_) to save memory: the caller's codes are changed."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_dequantize_leaves_q_unchanged"]


def dequantize(q, scale, zero_point, dtype=torch.float32):
    _solution.dequantize(q, scale, zero_point, dtype)  # the argument checks
    return (q.sub_(zero_point).to(torch.float64) * scale).to(dtype)
