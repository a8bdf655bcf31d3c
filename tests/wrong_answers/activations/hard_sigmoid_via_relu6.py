"""Right values, but hard_sigmoid is F.relu6(x + 3) / 6: the built-in ReLU6 does the clipping."""

import torch.nn.functional as F

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_is_written_by_hand[hard_sigmoid]", "test_is_written_by_hand[hard_swish]"]


def hard_sigmoid(x):
    _check_x(x)
    return F.relu6(x + 3) / 6


def hard_swish(x):
    _check_x(x)
    return x * hard_sigmoid(x)
