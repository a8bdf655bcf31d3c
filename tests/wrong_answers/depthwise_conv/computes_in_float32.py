"""Upcasts float16/bfloat16 input to float32 for the sums and returns float32 instead of the input's dtype."""

import torch

from solutions.depthwise_conv.depthwise_conv import *  # noqa: F403 - the rest is right
from solutions.depthwise_conv.depthwise_conv import depthwise_conv2d as _right

CAUGHT_BY = ["test_depthwise_conv2d_keeps_half_precision_dtype"]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    if isinstance(x, torch.Tensor) and x.dtype in (torch.float16, torch.bfloat16):
        bias = None if bias is None else bias.float()
        return _right(x.float(), weight.float(), bias, stride, padding)
    return _right(x, weight, bias, stride, padding)
