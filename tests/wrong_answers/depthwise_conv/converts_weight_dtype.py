"""Converts weight and bias to the dtype of x instead of refusing a float64 weight for a float32 x."""

import torch

from solutions.depthwise_conv.depthwise_conv import *  # noqa: F403 - the rest is right
from solutions.depthwise_conv.depthwise_conv import depthwise_conv2d as _right

CAUGHT_BY = [
    "test_depthwise_conv2d_rejects_arguments_of_the_wrong_type[float64 weight]",
    "test_depthwise_conv2d_rejects_arguments_of_the_wrong_type[float64 bias]",
]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    if isinstance(x, torch.Tensor) and isinstance(weight, torch.Tensor):
        weight = weight.to(x.dtype)
        bias = bias.to(x.dtype) if isinstance(bias, torch.Tensor) else bias
    return _right(x, weight, bias, stride, padding)
