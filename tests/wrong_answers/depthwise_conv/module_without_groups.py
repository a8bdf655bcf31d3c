"""The "depthwise" layer is a plain nn.Conv2d(in, in, k) without groups=in_channels: a full convolution."""

from torch import nn

from solutions.depthwise_conv.depthwise_conv import *

CAUGHT_BY = [
    "test_module_depthwise_part_is_a_conv2d_with_one_filter_per_channel[32-64 k3]",
    "test_module_parameter_count[32-64 k3]",
]


class DepthwiseSeparableConv(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=3, stride=1, padding=1, bias=False):
        super().__init__()
        if min(in_channels, out_channels, kernel_size, stride) < 1:
            raise ValueError("in_channels/out_channels/kernel_size/stride: expected >= 1")
        self.depthwise = nn.Conv2d(in_channels, in_channels, kernel_size, stride=stride, padding=padding, bias=bias)
        self.pointwise = nn.Conv2d(in_channels, out_channels, 1, bias=bias)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))
