"""A textbook convolution: the kernel is flipped, while PyTorch's conv2d is a cross-correlation."""

from solutions.depthwise_conv import depthwise_conv as _solution
from solutions.depthwise_conv.depthwise_conv import *

CAUGHT_BY = [
    "test_depthwise_conv2d_is_a_cross_correlation_not_flipped",
    "test_depthwise_conv2d_matches_grouped_conv2d[float64-k3]",
    "test_depthwise_conv2d_gradients_match_grouped_conv2d",
]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    return _solution.depthwise_conv2d(x, weight.flip(-1, -2), bias, stride, padding)
