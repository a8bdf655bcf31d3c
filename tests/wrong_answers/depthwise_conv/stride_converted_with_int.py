"""Converts stride and padding with int(): 1.0, 0.5 and True are taken instead of refused."""

from solutions.depthwise_conv.depthwise_conv import *  # noqa: F403 - the rest is right
from solutions.depthwise_conv.depthwise_conv import depthwise_conv2d as _right

CAUGHT_BY = [
    "test_depthwise_conv2d_rejects_arguments_of_the_wrong_type[stride 1.0]",
    "test_depthwise_conv2d_rejects_arguments_of_the_wrong_type[padding 0.5]",
]


def _ints(v):
    return tuple(int(a) for a in v) if isinstance(v, (tuple, list)) else int(v)


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    return _right(x, weight, bias, _ints(stride), _ints(padding))
