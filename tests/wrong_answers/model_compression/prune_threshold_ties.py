"""Prunes every weight with |w| <= the k-th smallest magnitude: with ties it prunes more than k."""

import torch

from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_ties_prune_the_smaller_flat_index_first",
    "test_flat_index_follows_the_tensor_as_indexed_not_its_memory",
]


def magnitude_prune(weight, sparsity):
    k = round(sparsity * weight.numel())
    if k == 0:
        return torch.ones(weight.shape, dtype=torch.bool)
    threshold = weight.detach().abs().reshape(-1).kthvalue(k).values
    return weight.detach().abs() > threshold
