"""Defaults to float32 whatever torch.get_default_dtype() says, instead of following the default dtype."""

import torch

from solutions.positional_encoding import positional_encoding as _solution
from solutions.positional_encoding.positional_encoding import *

CAUGHT_BY = ["test_default_dtype_follows_torch_get_default_dtype"]


def sinusoidal_encoding(length, d_model, base=10000.0, *, dtype=torch.float32):
    return _solution.sinusoidal_encoding(length, d_model, base, dtype=dtype)


def offset_matrix(offset, d_model, base=10000.0, *, dtype=torch.float32):
    return _solution.offset_matrix(offset, d_model, base, dtype=dtype)
