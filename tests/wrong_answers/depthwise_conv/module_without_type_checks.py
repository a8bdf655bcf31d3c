"""The module checks that sizes are at least 1 but not that they are ints, nor padding and bias at all."""

from torch import nn

from solutions.depthwise_conv.depthwise_conv import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_module_rejects_sizes_that_are_not_ints", "test_module_rejects_bad_sizes[padding -1]"]


class DepthwiseSeparableConv(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=3, stride=1, padding=1, bias=False):
        super().__init__()
        for name, value in (("in_channels", in_channels), ("out_channels", out_channels)):
            if value < 1:
                raise ValueError(f"{name}: expected at least 1, got {value}")
        for name, value in (("kernel_size", kernel_size), ("stride", stride)):
            if value < 1:
                raise ValueError(f"{name}: expected at least 1, got {value}")
        self.depthwise = nn.Conv2d(
            in_channels, in_channels, kernel_size, stride=stride, padding=padding, groups=in_channels, bias=bias
        )
        self.pointwise = nn.Conv2d(in_channels, out_channels, 1, bias=bias)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))
