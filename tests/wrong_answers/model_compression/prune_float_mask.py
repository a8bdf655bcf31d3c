"""Returns the mask as 0/1 floats, as torch.nn.utils.prune stores it, instead of a bool tensor."""

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_sparsity_zero_keeps_everything_and_one_prunes_everything",
    "test_prunes_by_magnitude_not_by_signed_value",
]


def magnitude_prune(weight, sparsity):
    return _solution.magnitude_prune(weight, sparsity).to(weight.dtype)
