"""Residual written as x += branch(x): right values, but it overwrites the caller's tensor."""

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_leaves_input_unchanged"]


class InvertedResidual(_solution.InvertedResidual):
    def forward(self, x):
        out = self.conv(x)
        if self.use_residual:
            x += out
            return x
        return out
