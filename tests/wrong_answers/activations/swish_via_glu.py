"""Right values, but swish is F.glu of [x, beta * x]: the gated linear unit computes x * sigmoid(beta * x)."""

import torch
import torch.nn.functional as F

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_is_written_by_hand[swish]"]


def swish(x, beta=1.0):
    _check_x(x)
    _check_number("beta", beta)
    return F.glu(torch.stack([x, x * beta]), dim=0).squeeze(0)
