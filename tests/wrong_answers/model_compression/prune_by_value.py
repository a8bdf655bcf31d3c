"""Prunes the smallest signed values instead of the smallest magnitudes: large negative weights go first."""

import torch

from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_prunes_by_magnitude_not_by_signed_value",
    "test_prunes_the_smallest_magnitudes_as_torch_prune_does",
]


def magnitude_prune(weight, sparsity):
    k = round(sparsity * weight.numel())
    order = torch.sort(weight.detach().reshape(-1), stable=True).indices
    keep = torch.ones(weight.numel(), dtype=torch.bool)
    keep[order[:k]] = False
    return keep.view(weight.shape)
