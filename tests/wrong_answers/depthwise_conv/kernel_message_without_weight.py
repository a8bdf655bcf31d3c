"""Refuses a kernel larger than the padded input, but the message names neither weight nor x's size."""

from solutions.depthwise_conv.depthwise_conv import *  # noqa: F403 - the rest is right
from solutions.depthwise_conv.depthwise_conv import depthwise_conv2d as _right

CAUGHT_BY = ["test_depthwise_conv2d_rejects_bad_input[kernel too big]"]


def depthwise_conv2d(x, weight, bias=None, stride=1, padding=0):
    try:
        return _right(x, weight, bias, stride, padding)
    except ValueError as exc:
        if "larger than" in str(exc):
            raise ValueError("the kernel does not fit") from None
        raise
