"""Right values, but torch.convolution, bound as a default argument before any check runs, does the work."""

import torch

from solutions.depthwise_conv.depthwise_conv import *  # noqa: F403 - the rest is right
from solutions.depthwise_conv.depthwise_conv import depthwise_conv2d as _right

CAUGHT_BY = ["test_depthwise_conv2d_is_written_by_hand"]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0, _conv=torch.convolution):
    _right(x, weight, bias, stride, padding)  # the argument checks
    s = list(stride) if isinstance(stride, tuple) else [stride, stride]
    p = list(padding) if isinstance(padding, tuple) else [padding, padding]
    return _conv(x, weight, bias, s, p, [1, 1], False, [0, 0], x.shape[1])
