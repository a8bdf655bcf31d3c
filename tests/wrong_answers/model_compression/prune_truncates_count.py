"""Counts int(sparsity * numel) weights to prune, truncating instead of rounding (2.9 becomes 2)."""

import torch

from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_prunes_exactly_round_of_sparsity_times_numel[2.9 rounds up]"]


def magnitude_prune(weight, sparsity):
    k = int(sparsity * weight.numel())
    order = torch.sort(weight.detach().reshape(-1).abs(), stable=True).indices
    keep = torch.ones(weight.numel(), dtype=torch.bool)
    keep[order[:k]] = False
    return keep.view(weight.shape)
