"""Right values, but relu and swish call torch.relu and F.silu instead of being written by hand."""

import torch
import torch.nn.functional as F

from solutions.activations.activations import *
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_is_written_by_hand[relu]", "test_is_written_by_hand[swish]"]


def relu(x):
    _check_x(x)
    return torch.relu(x)


def swish(x, beta=1.0):
    _check_x(x)
    _check_number("beta", beta)
    return F.silu(x) if beta == 1 else x * torch.sigmoid(beta * x)
