"""Right values, but layer_norm is F.group_norm with one group over the flattened trailing dimensions."""

import torch.nn.functional as F

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import batch_norm_train as _right_bn
from solutions.normalization.normalization import layer_norm as _right_ln

CAUGHT_BY = ["test_layer_norm_is_written_by_hand"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    _right_ln(x, normalized_shape, weight, bias, eps)  # the checks
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    lead = x.shape[: x.dim() - len(shape)]
    out = F.group_norm(x.reshape(-1, 1, *shape), 1, eps=eps).reshape(*lead, *shape)
    out = out if weight is None else out * weight.to(x.dtype)
    return out if bias is None else out + bias.to(x.dtype)
