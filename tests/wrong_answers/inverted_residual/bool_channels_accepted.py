"""Checks channel counts with isinstance(value, int) alone, so True passes as one channel."""

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_rejects_bad_arguments[bool out_channels]"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        for name, value in (("in_channels", in_channels), ("out_channels", out_channels)):
            if not isinstance(value, int):
                raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
        super().__init__(int(in_channels), int(out_channels), stride, expand_ratio)
