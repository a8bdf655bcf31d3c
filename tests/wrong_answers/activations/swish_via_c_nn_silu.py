"""Right values, but swish calls torch._C._nn.silu (the binding under F.silu) on beta * x."""

import torch

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_is_written_by_hand[swish]"]


def swish(x, beta=1.0):
    _check_x(x)
    _check_number("beta", beta)
    if beta == 0:
        return x / 2
    return torch._C._nn.silu(x * beta) / beta
