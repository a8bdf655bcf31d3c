"""Upcasts float16/bfloat16 input to float32 for the statistics and returns float32 instead of x's dtype."""

import torch

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import batch_norm_train as _right_bn
from solutions.normalization.normalization import layer_norm as _right_ln

CAUGHT_BY = ["test_layer_norm_keeps_half_precision_dtype", "test_batch_norm_keeps_half_precision_dtype"]


def _up(x):
    return x.float() if isinstance(x, torch.Tensor) and x.dtype in (torch.float16, torch.bfloat16) else x


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    return _right_ln(_up(x), normalized_shape, weight, bias, eps)


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    return _right_bn(_up(x), running_mean, running_var, weight, bias, momentum, eps)
