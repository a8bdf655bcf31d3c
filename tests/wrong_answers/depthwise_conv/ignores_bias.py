"""depthwise_conv2d accepts a bias but never adds it."""

from solutions.depthwise_conv import depthwise_conv as _solution
from solutions.depthwise_conv.depthwise_conv import *

CAUGHT_BY = [
    "test_depthwise_conv2d_matches_grouped_conv2d[float32-k3]",
    "test_depthwise_conv2d_keeps_channels_apart",
]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != x.shape[1]):
        raise ValueError("bias: expected one value per channel")
    return _solution.depthwise_conv2d(x, weight, None, stride, padding)
