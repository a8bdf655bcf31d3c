"""Takes any truthy value for symmetric (1, "yes") instead of refusing what is not a bool."""

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_quantize_rejects_bad_arguments[symmetric 1]",
    "test_quantize_rejects_bad_arguments[symmetric a string]",
]


def quantize_per_tensor(x, num_bits=8, symmetric=False):
    return _solution.quantize_per_tensor(x, num_bits, bool(symmetric))
