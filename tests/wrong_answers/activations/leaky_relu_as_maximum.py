"""leaky_relu as max(x, slope * x): right only while 0 <= slope <= 1."""

import torch

from solutions.activations.activations import *
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = [
    "test_leaky_relu_matches_builtin_for_any_slope[2 (above 1)]",
    "test_leaky_relu_gradient_uses_the_slope[2.0]",
]


def leaky_relu(x, negative_slope=0.01):
    _check_x(x)
    _check_number("negative_slope", negative_slope)
    return torch.maximum(x, x * negative_slope)
