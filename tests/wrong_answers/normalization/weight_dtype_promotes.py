"""Multiplies by weight and adds bias as they come: float64 ones turn a float32 result into float64."""

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import batch_norm_train as _right_bn
from solutions.normalization.normalization import layer_norm as _right_ln

CAUGHT_BY = [
    "test_layer_norm_keeps_the_dtype_of_x_whatever_weight",
    "test_batch_norm_keeps_the_dtype_of_x_whatever_weight",
]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    out = _right_ln(x, normalized_shape, None, None, eps)
    _right_ln(x, normalized_shape, weight, bias, eps)  # the checks
    out = out if weight is None else out * weight
    return out if bias is None else out + bias


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    out = _right_bn(x, running_mean, running_var, None, None, momentum, eps)
    view = (1, x.shape[1]) + (1,) * (x.dim() - 2)
    out = out if weight is None else out * weight.view(view)
    return out if bias is None else out + bias.view(view)
