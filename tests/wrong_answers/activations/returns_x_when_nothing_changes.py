"""Returns x itself when nothing would change (relu of a non-negative x, leaky_relu with slope 1)."""

import torch

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_returns_a_new_tensor[relu]", "test_returns_a_new_tensor[leaky_relu]"]


def relu(x):
    _check_x(x)
    if bool((x >= 0).all()):
        return x  # nothing to clip
    return torch.where(x <= 0, torch.zeros_like(x), x)


def leaky_relu(x, negative_slope=0.01):
    _check_x(x)
    _check_number("negative_slope", negative_slope)
    if negative_slope == 1:
        return x  # the identity
    return torch.where(x >= 0, x, x * negative_slope)
