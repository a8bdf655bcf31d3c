"""Right values, but logsumexp is the last entry of torch.logcumsumexp, a built-in that computes it."""

import torch

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_stable_functions_are_written_by_hand"]


def stable_logsumexp(x, dim):
    _check_float("x", x)
    return torch.logcumsumexp(x, dim).select(dim, -1)
