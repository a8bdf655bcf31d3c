"""Checks channel counts with isinstance(value, int) alone, so True passes as one channel."""

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = ["test_rejects_bad_arguments[bool in_channels]"]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def __init__(self, in_channels, out_channels, stride):
        for name, value in (("in_channels", in_channels), ("out_channels", out_channels)):
            if not isinstance(value, int):
                raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
        super().__init__(int(in_channels), int(out_channels), stride)
