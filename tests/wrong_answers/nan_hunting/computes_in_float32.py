"""Upcasts float16/bfloat16 input to float32 for accuracy and returns float32 instead of the input's dtype."""

import torch

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import stable_log_softmax as _right_lsm
from solutions.nan_hunting.nan_hunting import stable_logsumexp as _right_lse

CAUGHT_BY = ["test_stable_functions_keep_half_precision_dtype"]


def _up(x):
    return x.float() if isinstance(x, torch.Tensor) and x.dtype in (torch.float16, torch.bfloat16) else x


def stable_logsumexp(x, dim):
    return _right_lse(_up(x), dim)


def stable_log_softmax(x, dim=-1):
    return _right_lsm(_up(x), dim)
