"""Does not refuse an empty normalized_shape: mean over dim=() reduces every dimension instead."""

import torch

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import layer_norm as _right_ln

CAUGHT_BY = ["test_layer_norm_rejects_inconsistent_shapes[empty]"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    if isinstance(normalized_shape, (tuple, list)) and len(normalized_shape) == 0:
        mean = x.mean(dim=())
        var = x.var(dim=(), correction=0)
        return (x - mean) * torch.rsqrt(var + eps)
    return _right_ln(x, normalized_shape, weight, bias, eps)
