"""Calls bn.eval() and conv.eval() on the caller's modules to use fuse_conv_bn_eval: it changes their mode."""

import copy

from torch.nn.utils.fusion import fuse_conv_bn_eval

from solutions.model_compression.model_compression import *

CAUGHT_BY = ["test_fusion_leaves_conv_and_bn_untouched"]


def fuse_conv_bn(conv, bn):
    conv.eval()
    bn.eval()
    return fuse_conv_bn_eval(copy.deepcopy(conv), copy.deepcopy(bn))
