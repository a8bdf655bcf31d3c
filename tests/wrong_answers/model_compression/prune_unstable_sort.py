"""Sorts magnitudes with argsort (not stable): among many equal magnitudes the pruned ones are not the first."""

import torch

from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_many_ties_prune_the_smaller_flat_index_first"]


def magnitude_prune(weight, sparsity):
    if not isinstance(weight, torch.Tensor) or not weight.is_floating_point():
        raise TypeError(f"weight: expected a floating-point tensor, got {getattr(weight, 'dtype', type(weight))}")
    if isinstance(sparsity, bool) or not isinstance(sparsity, (int, float)):
        raise TypeError(f"sparsity: expected a number in [0, 1], got {type(sparsity).__name__}")
    if not 0 <= sparsity <= 1:
        raise ValueError(f"sparsity: expected a number in [0, 1], got {sparsity}")
    k = round(float(sparsity) * weight.numel())
    order = torch.argsort(weight.detach().reshape(-1).abs())
    keep = torch.ones(weight.numel(), dtype=torch.bool)
    keep[order[:k]] = False
    return keep.view(weight.shape)
