"""Right values, but leaky_relu is torch.prelu with the slope as its weight, bound as a default argument."""

import torch

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_is_written_by_hand[leaky_relu]"]


def leaky_relu(x, negative_slope=0.01, _prelu=torch.prelu):
    _check_x(x)
    _check_number("negative_slope", negative_slope)
    return _prelu(x, torch.tensor([float(negative_slope)], dtype=x.dtype))
