"""Layer norm over every token of the sentence at once (all dimensions but the batch), so padding shifts it."""

import torch

from solutions.normalization.normalization import *

CAUGHT_BY = ["test_layer_norm_matches_torch", "test_layer_norm_of_real_tokens_does_not_depend_on_padding"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = tuple(range(1, x.dim()))
    out = (x - x.mean(dim=dims, keepdim=True)) / torch.sqrt(x.var(dim=dims, keepdim=True, correction=0) + eps)
    if weight is not None:
        out = out * weight
    if bias is not None:
        out = out + bias
    return out
