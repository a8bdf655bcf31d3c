"""Refuses NaN but not infinity: an infinite value makes the scale infinite and every code meaningless."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_quantize_rejects_bad_arguments[inf]",
    "test_quantize_rejects_bad_arguments[-inf symmetric]",
]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    if isinstance(x, torch.Tensor) and x.is_floating_point() and x.numel() and bool(torch.isinf(x).any()):
        v = x.detach().double()
        qmax = 2 ** (num_bits - 1) - 1 if symmetric else 2**num_bits - 1
        qmin = -qmax if symmetric else 0
        lo, hi = (
            (-float(v.abs().max()), float(v.abs().max()))
            if symmetric
            else (min(float(v.min()), 0.0), max(float(v.max()), 0.0))
        )
        scale = (hi - lo) / (qmax - qmin)
        q = torch.clamp(torch.nan_to_num(torch.round(v / scale)), qmin, qmax).to(torch.int64)
        return q, scale, 0
    return _solution.quantize_per_tensor(x, num_bits, symmetric)
