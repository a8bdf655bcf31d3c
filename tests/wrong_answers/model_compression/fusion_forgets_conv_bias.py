"""Folds BN as if the conv had no bias: bias = beta - mean * s, so the conv's own bias is lost."""

import torch
from torch import nn

from solutions.model_compression.model_compression import *

CAUGHT_BY = [
    "test_fused_conv_equals_conv_then_bn_in_eval_mode[3x3 bias]",
    "test_fused_weights_match_torch_fuse_conv_bn_eval[3x3 bias]",
]


def fuse_conv_bn(conv, bn):
    with torch.no_grad():
        s = bn.weight / torch.sqrt(bn.running_var + bn.eps)
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
        fused.bias.copy_(bn.bias - bn.running_mean * s)
    return fused
