"""Never checks weight: an integer tensor is pruned instead of refused with a TypeError naming weight."""

import torch

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_prune_rejects_weight_that_is_not_floating_point[integer tensor]"]


def magnitude_prune(weight, sparsity):
    return _solution.magnitude_prune(torch.as_tensor(weight).to(torch.float64), sparsity)
