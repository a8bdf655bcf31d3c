"""Checks none of dequantize's arguments: a float q, a zero scale or an integer dtype go through silently."""

import torch

from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_dequantize_rejects_bad_arguments"]


def dequantize(q, scale, zero_point, dtype=torch.float32):
    return ((torch.as_tensor(q).to(torch.float64) - zero_point) * scale).to(dtype)
