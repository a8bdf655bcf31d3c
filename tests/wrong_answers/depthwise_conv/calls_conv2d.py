"""Right values, but depthwise_conv2d calls F.conv2d(groups=C) instead of being written by hand."""

import torch.nn.functional as F

from solutions.depthwise_conv import depthwise_conv as _solution
from solutions.depthwise_conv.depthwise_conv import *

CAUGHT_BY = ["test_depthwise_conv2d_is_written_by_hand"]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    _solution.depthwise_conv2d(x, weight, bias, stride, padding)  # all the checks
    return F.conv2d(x, weight, bias, stride=stride, padding=padding, groups=x.shape[1])
