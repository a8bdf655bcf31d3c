"""Layer norm with torch.var's default unbiased variance (n - 1) instead of the biased one."""

import torch

from solutions.normalization.normalization import *

CAUGHT_BY = ["test_layer_norm_matches_torch", "test_layer_norm_uses_the_biased_variance"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    dims = tuple(range(-len(shape), 0))
    out = (x - x.mean(dim=dims, keepdim=True)) / torch.sqrt(x.var(dim=dims, keepdim=True) + eps)
    if weight is not None:
        out = out * weight
    if bias is not None:
        out = out + bias
    return out
