"""Right values, but hard_swish calls torch.ops.aten.hardswish, the operator behind F.hardswish."""

import torch

from solutions.activations.activations import *  # noqa: F403 - the rest is right
from solutions.activations.activations import _check_number, _check_x

CAUGHT_BY = ["test_is_written_by_hand[hard_swish]"]


def hard_swish(x):
    _check_x(x)
    return torch.ops.aten.hardswish.default(x)
