"""Keeps the 1x1 expansion (C -> C) even when expand_ratio == 1, as MobileNetV2 does not."""

from torch import nn

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = [
    "test_parameter_count_matches_torchvision[32-16 s1 t1]",
    "test_middle_convolution_is_depthwise_3x3[t1]",
    "test_same_outputs_as_torchvision_in_eval_mode[float64-6-6 s1 t1]",
]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        if expand_ratio == 1:
            expand = [nn.Conv2d(in_channels, in_channels, 1, bias=False), nn.BatchNorm2d(in_channels), nn.ReLU6()]
            self.conv = nn.Sequential(*expand, *self.conv)
