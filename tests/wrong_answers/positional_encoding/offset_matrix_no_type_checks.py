"""Never checks offset's type: a string offset fails inside torch with a message that does not name offset."""

import torch

from solutions.positional_encoding.positional_encoding import *

CAUGHT_BY = ["test_offset_matrix_rejects_arguments_of_the_wrong_type"]


def offset_matrix(offset, d_model, base=10000.0, *, dtype=None):
    if d_model <= 0 or d_model % 2:
        raise ValueError(f"d_model: expected a positive even number, got {d_model}")
    if not base > 0:
        raise ValueError(f"base: expected a positive number, got {base}")
    freqs = torch.pow(float(base), -torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)
    angle = offset * freqs
    m = torch.zeros(d_model, d_model, dtype=torch.float64)
    even = torch.arange(0, d_model, 2)
    m[even, even] = m[even + 1, even + 1] = torch.cos(angle)
    m[even, even + 1] = torch.sin(angle)
    m[even + 1, even] = -torch.sin(angle)
    return m.to(dtype or torch.get_default_dtype())
