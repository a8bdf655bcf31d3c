"""Accepts only Python floats for negative_slope and beta: leaky_relu(x, 2) and swish(x, 2) are refused."""

import torch

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_accepts_int_slope_and_beta"]


def leaky_relu(x, negative_slope=0.01):
    _check_x(x)
    if not isinstance(negative_slope, float):
        raise TypeError(f"negative_slope: expected a float, got {negative_slope!r}")
    return torch.where(x >= 0, x, x * negative_slope)


def swish(x, beta=1.0):
    _check_x(x)
    if not isinstance(beta, float):
        raise TypeError(f"beta: expected a float, got {beta!r}")
    return x * torch.sigmoid(x * beta)
