"""Hands back the container type it was given: a tuple of maps gives a tuple, where a list is promised."""

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = ["test_accepts_a_tuple_and_returns_a_list"]


class FPN(_solution.FPN):
    def forward(self, features):
        out = super().forward(features)
        return tuple(out) if isinstance(features, tuple) else out
