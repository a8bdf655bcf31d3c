"""Reads each square filter transposed (weight[c, 0, j, i]), swapping the roles of the H and W taps."""

from solutions.depthwise_conv import depthwise_conv as _solution
from solutions.depthwise_conv.depthwise_conv import *

CAUGHT_BY = [
    "test_depthwise_conv2d_is_a_cross_correlation_not_flipped",
    "test_depthwise_conv2d_matches_grouped_conv2d[float32-k3]",
]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    if weight.dim() == 4 and weight.shape[2] != weight.shape[3]:
        # shapes must still fit: only square kernels are transposed
        return _solution.depthwise_conv2d(x, weight, bias, stride, padding)
    return _solution.depthwise_conv2d(x, weight.transpose(2, 3) if weight.dim() == 4 else weight, bias, stride, padding)
