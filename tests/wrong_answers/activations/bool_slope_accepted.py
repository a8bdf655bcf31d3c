"""Checks negative_slope and beta with isinstance(value, numbers.Real), which lets True and False through."""

import numbers

import torch

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_x

CAUGHT_BY = ["test_rejects_slope_and_beta_that_are_not_numbers"]


def leaky_relu(x, negative_slope=0.01):
    _check_x(x)
    if not isinstance(negative_slope, numbers.Real):
        raise TypeError(f"negative_slope: expected a real number, got {negative_slope!r}")
    return torch.where(x >= 0, x, x * negative_slope)


def swish(x, beta=1.0):
    _check_x(x)
    if not isinstance(beta, numbers.Real):
        raise TypeError(f"beta: expected a real number, got {beta!r}")
    return x * torch.sigmoid(x * beta)
