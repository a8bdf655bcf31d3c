"""Right values, but relu is F.threshold(x, 0, 0): a built-in activation that is a ReLU under another name."""

import torch.nn.functional as F

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_is_written_by_hand[relu]"]


def relu(x):
    _check_x(x)
    return F.threshold(x, 0.0, 0.0)
