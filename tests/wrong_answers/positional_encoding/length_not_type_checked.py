"""Never checks that length and d_model are ints: 5.0 positions or a length of True are accepted."""

import torch

from solutions.positional_encoding import positional_encoding as _solution
from solutions.positional_encoding.positional_encoding import *

CAUGHT_BY = ["test_sinusoidal_encoding_rejects_arguments_of_the_wrong_type"]


def sinusoidal_encoding(length, d_model, base=10000.0, *, dtype=None):
    if d_model <= 0 or d_model % 2:
        raise ValueError(f"d_model: expected a positive even number, got {d_model}")
    if length < 0:
        raise ValueError(f"length: expected a non-negative int, got {length}")
    n, d = int(length), int(d_model)
    return _solution.sinusoidal_encoding(n, d, base, dtype=dtype)
