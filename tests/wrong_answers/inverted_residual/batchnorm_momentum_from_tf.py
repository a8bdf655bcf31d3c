"""BatchNorm2d(momentum=0.01), as in TensorFlow ports of MobileNetV2, instead of nn.BatchNorm2d's defaults."""

from torch import nn

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_batchnorms_keep_their_defaults"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.momentum = 0.01
