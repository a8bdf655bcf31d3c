"""Right values, but batch_norm_train calls torch.ops.aten.native_batch_norm, the built-in's kernel."""

import torch

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import batch_norm_train as _right_bn
from solutions.normalization.normalization import layer_norm as _right_ln

CAUGHT_BY = ["test_batch_norm_is_written_by_hand"]


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    _right_bn(x, None, None, weight, bias, momentum, eps)  # the checks, without touching the statistics
    w = None if weight is None else weight.to(x.dtype)
    b = None if bias is None else bias.to(x.dtype)
    out, _, _ = torch.ops.aten.native_batch_norm(x, w, b, running_mean, running_var, True, momentum, eps)
    return out
