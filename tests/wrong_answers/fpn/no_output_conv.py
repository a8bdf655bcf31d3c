"""Smooths with a 1x1 output convolution: no spatial context, so the nearest-neighbour blocks stay."""

from torch import nn

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = [
    "test_parameter_count_matches_torchvision",
    "test_blocks_are_1x1_laterals_and_3x3_output_convs",
    "test_same_outputs_as_torchvision",
]


class FPN(_solution.FPN):
    def __init__(self, in_channels_list, out_channels):
        super().__init__(in_channels_list, out_channels)
        self.layer_blocks = nn.ModuleList(nn.Conv2d(out_channels, out_channels, 1) for _ in in_channels_list)
