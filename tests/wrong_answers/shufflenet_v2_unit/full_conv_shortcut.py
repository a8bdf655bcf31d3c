"""The stride-2 shortcut downsamples with a full 3x3 convolution instead of a depthwise one."""

from torch import nn

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = [
    "test_parameter_count_matches_torchvision[24-116 s2]",
    "test_spatial_convolutions_are_depthwise_3x3[s2]",
]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def __init__(self, in_channels, out_channels, stride):
        super().__init__(in_channels, out_channels, stride)
        if stride == 2:
            self.shortcut[0] = nn.Conv2d(in_channels, in_channels, 3, stride=2, padding=1, bias=False)
