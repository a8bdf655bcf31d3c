"""The middle 3x3 convolution is a full convolution (no groups=hidden): 6x the weights, not depthwise."""

from torch import nn

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_parameter_count_matches_torchvision[24-24 s1 t6]", "test_middle_convolution_is_depthwise_3x3"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        for i, layer in enumerate(self.conv):
            if isinstance(layer, nn.Conv2d) and layer.kernel_size == (3, 3):
                c = layer.in_channels
                self.conv[i] = nn.Conv2d(c, c, 3, stride=layer.stride, padding=1, bias=False)
