"""Checks stride only with `stride in (1, 2)`, so 1.0 and True pass instead of raising TypeError."""

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = ["test_rejects_bad_arguments[float stride]", "test_rejects_bad_arguments[bool stride]"]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def __init__(self, in_channels, out_channels, stride):
        if stride not in (1, 2):
            raise ValueError(f"stride: expected 1 or 2, got {stride}")
        super().__init__(in_channels, out_channels, int(stride))
