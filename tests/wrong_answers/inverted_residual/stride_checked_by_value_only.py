"""Checks stride only with `stride in (1, 2)`, so 1.0 and True pass instead of raising TypeError."""

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_rejects_bad_arguments[float stride]", "test_rejects_bad_arguments[bool stride]"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        if stride not in (1, 2):
            raise ValueError(f"stride: expected 1 or 2, got {stride}")
        super().__init__(in_channels, out_channels, int(stride), expand_ratio)
