"""hidden = int(in_channels * expand_ratio + 0.5) rounds halves up where Python's round goes to even (2.5 -> 3)."""

from torch import nn

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_parameter_count_matches_torchvision[5-9 s2 t0.5]"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        hidden = int(in_channels * expand_ratio + 0.5)
        layers = []
        if expand_ratio != 1:
            layers += [nn.Conv2d(in_channels, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True)]
        layers += [
            nn.Conv2d(hidden, hidden, 3, stride=stride, padding=1, groups=hidden, bias=False),
            nn.BatchNorm2d(hidden),
            nn.ReLU6(inplace=True),
            nn.Conv2d(hidden, out_channels, 1, bias=False),
            nn.BatchNorm2d(out_channels),
        ]
        self.conv = nn.Sequential(*layers)
