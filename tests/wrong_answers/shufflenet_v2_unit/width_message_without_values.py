"""Unequal widths at stride 1 are refused with a message that names neither the widths nor their values."""

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = ["test_unequal_widths_at_stride_1_are_named_with_their_values"]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def __init__(self, in_channels, out_channels, stride):
        if stride == 1 and in_channels != out_channels:
            raise ValueError("in_channels: stride 1 keeps the width")
        super().__init__(in_channels, out_channels, stride)
