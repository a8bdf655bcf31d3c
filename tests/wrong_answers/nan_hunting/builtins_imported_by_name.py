"""Right values, but calls the built-ins through names bound at import (from torch import logsumexp)."""

from torch import logsumexp
from torch.nn.functional import log_softmax

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_stable_functions_are_written_by_hand"]


def stable_logsumexp(x, dim):
    _check_float("x", x)
    return logsumexp(x, dim)


def stable_log_softmax(x, dim=-1):
    _check_float("x", x)
    return log_softmax(x, dim)
