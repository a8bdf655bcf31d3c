"""Divides by sqrt(running_var) and forgets BN's eps."""

import torch
from torch import nn

from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_fusion_uses_the_bn_eps"]


def fuse_conv_bn(conv, bn):
    with torch.no_grad():
        s = bn.weight / torch.sqrt(bn.running_var)
        bias = conv.bias if conv.bias is not None else torch.zeros_like(bn.running_mean)
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
        fused.weight.copy_(conv.weight * s.view(-1, 1, 1, 1))
        fused.bias.copy_((bias - bn.running_mean) * s + bn.bias)
    return fused
