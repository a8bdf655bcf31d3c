"""BatchNorm2d(momentum=0.01), as in TensorFlow ports, instead of nn.BatchNorm2d's defaults."""

from torch import nn

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = ["test_batchnorms_keep_their_defaults"]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def __init__(self, in_channels, out_channels, stride):
        super().__init__(in_channels, out_channels, stride)
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.momentum = 0.01
