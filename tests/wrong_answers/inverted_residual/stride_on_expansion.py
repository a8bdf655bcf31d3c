"""Puts the stride on the 1x1 expansion instead of the 3x3 depthwise convolution: same shapes, other values."""

from torch import nn

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = [
    "test_same_outputs_as_torchvision_in_eval_mode[float64-4-4 s2 t6]",
    "test_same_outputs_as_torchvision_in_training_mode[4-4 s2 t6]",
]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        convs = [m for m in self.conv if isinstance(m, nn.Conv2d)]
        if len(convs) == 3:
            convs[0].stride, convs[1].stride = convs[1].stride, (1, 1)
