"""Right values, but calls torch.logsumexp and F.log_softmax instead of writing them by hand."""

import torch.nn.functional as F

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_stable_functions_are_written_by_hand"]


def stable_logsumexp(x, dim):
    _check_float("x", x)
    return torch.logsumexp(x, dim)


def stable_log_softmax(x, dim=-1):
    _check_float("x", x)
    return F.log_softmax(x, dim)
