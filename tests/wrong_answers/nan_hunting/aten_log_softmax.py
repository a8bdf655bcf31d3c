"""Right values, but log_softmax calls torch.ops.aten._log_softmax, the operator behind F.log_softmax."""

import torch

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_stable_functions_are_written_by_hand"]


def stable_log_softmax(x, dim=-1):
    _check_float("x", x)
    return torch.ops.aten._log_softmax(x, dim, False)
