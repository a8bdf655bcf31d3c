"""No guard for an all-zero tensor: scale = 0 and 0 / 0 gives NaN."""

import torch

from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_all_zero_tensor_quantizes_without_dividing_by_zero"]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    v = x.detach().double()
    if symmetric:
        qmax = 2 ** (num_bits - 1) - 1
        qmin = -qmax
        scale, zero_point = float(v.abs().max()) / qmax, 0
    else:
        qmin, qmax = 0, 2**num_bits - 1
        lo, hi = min(float(v.min()), 0.0), max(float(v.max()), 0.0)
        scale = (hi - lo) / (qmax - qmin)
        zero_point = qmin - round(lo / scale) if scale > 0 else float("nan")
    q = torch.clamp(torch.round(v / scale) + zero_point, qmin, qmax).to(torch.int64)
    return q, scale, zero_point
