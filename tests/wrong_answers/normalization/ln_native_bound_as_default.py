"""Right values, but torch.native_layer_norm, bound as a default argument before any check, does the work."""

import torch

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import batch_norm_train as _right_bn
from solutions.normalization.normalization import layer_norm as _right_ln

CAUGHT_BY = ["test_layer_norm_is_written_by_hand"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5, _ln=torch.native_layer_norm):
    _right_ln(x, normalized_shape, weight, bias, eps)  # the checks
    shape = [normalized_shape] if isinstance(normalized_shape, int) else list(normalized_shape)
    w = None if weight is None else weight.to(x.dtype)
    b = None if bias is None else bias.to(x.dtype)
    return _ln(x, shape, w, b, eps)[0]
