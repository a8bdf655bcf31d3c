"""swish that always uses beta = 1 (SiLU), whatever beta is passed."""

import torch

from solutions.activations.activations import *
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = [
    "test_swish_with_beta_is_x_times_sigmoid_of_beta_x[0]",
    "test_swish_with_beta_is_x_times_sigmoid_of_beta_x[10]",
    "test_swish_gradient_with_beta",
]


def swish(x, beta=1.0):
    _check_x(x)
    _check_number("beta", beta)
    return x * torch.sigmoid(x)
