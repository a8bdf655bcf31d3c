"""Right values, but a conv3d over a depth of 1 does the work: a built-in convolution under another name."""

import torch.nn.functional as F

from solutions.depthwise_conv.depthwise_conv import *  # noqa: F403 - the rest is right
from solutions.depthwise_conv.depthwise_conv import depthwise_conv2d as _right

CAUGHT_BY = ["test_depthwise_conv2d_is_written_by_hand"]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    _right(x, weight, bias, stride, padding)  # the argument checks
    s = (1, *stride) if isinstance(stride, tuple) else (1, stride, stride)
    p = (0, *padding) if isinstance(padding, tuple) else (0, padding, padding)
    out = F.conv3d(x.unsqueeze(2), weight.unsqueeze(2), bias, stride=s, padding=p, groups=x.shape[1])
    return out.squeeze(2)
