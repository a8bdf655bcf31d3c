"""Pads 2 * padding zeros after the input only (bottom and right) instead of padding on each side."""

import torch.nn.functional as F

from solutions.depthwise_conv import depthwise_conv as _solution
from solutions.depthwise_conv.depthwise_conv import *
from solutions.depthwise_conv.depthwise_conv import _pair

CAUGHT_BY = [
    "test_depthwise_conv2d_matches_grouped_conv2d[float32-k3 p1 no bias]",
    "test_depthwise_conv2d_matches_grouped_conv2d[float64-k5 s2 p2]",
    "test_depthwise_conv2d_accepts_non_contiguous_tensors",
]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    ph, pw = _pair("padding", padding, 0)
    return _solution.depthwise_conv2d(F.pad(x, (0, 2 * pw, 0, 2 * ph)), weight, bias, stride, 0)
