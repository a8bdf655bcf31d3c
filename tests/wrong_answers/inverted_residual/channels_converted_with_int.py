"""Converts channel counts with int() instead of refusing a float such as 8.0."""

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_rejects_bad_arguments[float in_channels]"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(int(in_channels), int(out_channels), stride, expand_ratio)
