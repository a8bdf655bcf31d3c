"""Checks expand_ratio as a numbers.Real, which True is, so a bool passes as a ratio of 1."""

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_rejects_bad_arguments[bool ratio]"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(
            in_channels, out_channels, stride, float(expand_ratio) if expand_ratio is True else expand_ratio
        )
