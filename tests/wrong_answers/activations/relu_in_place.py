"""relu with clamp_ (in place): right values, but it overwrites the caller's tensor."""

from solutions.activations.activations import *
from solutions.activations.activations import _check_x

CAUGHT_BY = ["test_leaves_input_unchanged[relu]"]


def relu(x):
    _check_x(x)
    return x.clamp_(min=0)
