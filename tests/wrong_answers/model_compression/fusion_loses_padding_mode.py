"""Builds the fused convolution without conv's padding mode: a reflect-padded conv becomes zero-padded."""

from torch import nn

from solutions.model_compression import model_compression as _solution
from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_fused_conv_keeps_the_padding_mode"]


def fuse_conv_bn(conv, bn):
    folded = _solution.fuse_conv_bn(conv, bn)
    fused = nn.Conv2d(
        conv.in_channels,
        conv.out_channels,
        conv.kernel_size,
        stride=conv.stride,
        padding=conv.padding,
        dilation=conv.dilation,
        groups=conv.groups,
        bias=True,
        dtype=conv.weight.dtype,
    )
    fused.weight = folded.weight
    fused.bias = folded.bias
    return fused
