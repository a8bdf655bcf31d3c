"""A ReLU after the depthwise convolution's BatchNorm, as in the other convolutions of the branch."""

from torch import nn

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = [
    "test_same_outputs_as_torchvision_in_eval_mode[float64-8-8 s1]",
    "test_same_outputs_as_torchvision_in_training_mode",
]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def __init__(self, in_channels, out_channels, stride):
        super().__init__(in_channels, out_channels, stride)
        layers = list(self.main)
        self.main = nn.Sequential(*layers[:5], nn.ReLU(), *layers[5:])
