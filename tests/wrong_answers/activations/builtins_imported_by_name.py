"""Right values, but binds the built-ins at import (from torch.nn.functional import silu, ...) and calls them."""

import torch
from torch._C._nn import hardsigmoid as _hardsigmoid
from torch.nn.functional import hardswish, silu
from torch.nn.functional import leaky_relu as _leaky_relu

from solutions.activations.activations import *
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = [
    "test_is_written_by_hand[swish]",
    "test_is_written_by_hand[hard_swish]",
    "test_is_written_by_hand[leaky_relu]",
    "test_is_written_by_hand[hard_sigmoid]",
]


def swish(x, beta=1.0):
    _check_x(x)
    _check_number("beta", beta)
    return silu(x) if beta == 1.0 else x * torch.sigmoid(beta * x)


def hard_swish(x):
    _check_x(x)
    return hardswish(x)


def leaky_relu(x, negative_slope=0.01):
    _check_x(x)
    _check_number("negative_slope", negative_slope)
    return _leaky_relu(x, negative_slope)


def hard_sigmoid(x):
    _check_x(x)
    return _hardsigmoid(x)
