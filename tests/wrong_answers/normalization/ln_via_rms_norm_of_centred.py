"""Right values, but layer_norm is F.rms_norm of the centred values: an RMS norm after the mean is a layer norm."""

import torch.nn.functional as F

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import batch_norm_train as _right_bn
from solutions.normalization.normalization import layer_norm as _right_ln

CAUGHT_BY = ["test_layer_norm_is_written_by_hand"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    _right_ln(x, normalized_shape, weight, bias, eps)  # the checks
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    dims = tuple(range(-len(shape), 0))
    w = None if weight is None else weight.to(x.dtype)
    out = F.rms_norm(x - x.mean(dim=dims, keepdim=True), shape, w, eps)
    return out if bias is None else out + bias.to(x.dtype)
