"""Right values, but torch.special.logsumexp, bound as a default argument, does the work."""

import torch

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_stable_functions_are_written_by_hand"]


def stable_logsumexp(x, dim, _lse=torch.special.logsumexp):
    _check_float("x", x)
    return _lse(x, dim)
