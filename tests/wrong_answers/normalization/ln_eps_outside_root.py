"""Layer norm dividing by sqrt(var) + eps instead of sqrt(var + eps): wrong for small variances."""

import torch

from solutions.normalization.normalization import *

CAUGHT_BY = ["test_layer_norm_adds_eps_to_the_variance_under_the_root"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    dims = tuple(range(-len(shape), 0))
    std = x.var(dim=dims, keepdim=True, correction=0).sqrt()
    out = (x - x.mean(dim=dims, keepdim=True)) / (std + eps)
    if weight is not None:
        out = out * weight
    if bias is not None:
        out = out + bias
    return out
