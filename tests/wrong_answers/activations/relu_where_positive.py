"""relu as where(x > 0, x, 0): a NaN fails x > 0 and becomes 0, where F.relu keeps it NaN."""

import torch

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_nan_stays_nan[relu]"]


def relu(x):
    _check_x(x)
    return torch.where(x > 0, x, torch.zeros_like(x))
