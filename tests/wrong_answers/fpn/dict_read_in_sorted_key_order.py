"""Reads a dict of maps in sorted key order instead of its own (insertion) order."""

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = ["test_accepts_a_dict_and_keeps_its_keys_in_order[unsorted keys]"]


class FPN(_solution.FPN):
    def forward(self, features):
        if isinstance(features, dict):
            return super().forward({k: features[k] for k in sorted(features)})
        return super().forward(features)
