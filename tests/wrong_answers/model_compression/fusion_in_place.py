"""Fuses in place: scales conv.weight and rewrites conv.bias of the caller's conv, then returns it."""

import torch
from torch import nn

from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_fusion_leaves_conv_and_bn_untouched"]


def fuse_conv_bn(conv, bn):
    with torch.no_grad():
        s = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        bias = conv.bias.clone() if conv.bias is not None else torch.zeros_like(bn.running_mean)
        conv.weight.mul_(s.view(-1, 1, 1, 1))
        conv.bias = nn.Parameter((bias - bn.running_mean) * s + bn.bias)
    return conv
