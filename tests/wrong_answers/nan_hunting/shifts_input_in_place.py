"""log_softmax subtracts the maximum from x in place (x -= max), overwriting the caller's logits."""

import torch

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_log_softmax_leaves_input_unchanged"]


def stable_log_softmax(x, dim=-1):
    _check_float("x", x)
    shift = x.detach().amax(dim=dim, keepdim=True)
    if x.requires_grad:
        x = x - shift  # autograd refuses in-place on a leaf that requires grad
    else:
        x -= shift
    return x - x.exp().sum(dim=dim, keepdim=True).log()
