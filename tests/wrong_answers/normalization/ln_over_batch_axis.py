"""Layer norm that takes its statistics over the batch axis and the features, mixing the sequences together."""

import torch

from solutions.normalization.normalization import *

CAUGHT_BY = [
    "test_layer_norm_matches_torch",
    "test_layer_norm_of_a_sequence_does_not_depend_on_the_other_sequences",
]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    dims = (0, *range(-len(shape), 0))
    mean = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, keepdim=True, correction=0)
    out = (x - mean) / torch.sqrt(var + eps)
    if weight is not None:
        out = out * weight
    if bias is not None:
        out = out + bias
    return out
