"""hidden = int(in_channels * expand_ratio) truncates where torchvision rounds (7.5 -> 7, not 8)."""

from torch import nn

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_parameter_count_matches_torchvision[5-5 s1 t1.5]", "test_middle_convolution_is_depthwise_3x3[t1.5]"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        hidden = int(in_channels * expand_ratio)
        if expand_ratio != 1 and hidden != int(round(in_channels * expand_ratio)):
            self.conv = nn.Sequential(
                nn.Conv2d(in_channels, hidden, 1, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU6(inplace=True),
                nn.Conv2d(hidden, hidden, 3, stride=stride, padding=1, groups=hidden, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU6(inplace=True),
                nn.Conv2d(hidden, out_channels, 1, bias=False),
                nn.BatchNorm2d(out_channels),
            )
