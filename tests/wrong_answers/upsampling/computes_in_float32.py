"""Upcasts float16/bfloat16 images to float32 and returns float32 instead of the input's dtype."""

import torch

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_keeps_half_precision_dtype"]


def bilinear_interpolate(x, size, align_corners=False):
    if isinstance(x, torch.Tensor) and x.dtype in (torch.float16, torch.bfloat16):
        x = x.float()
    return _right(x, size, align_corners)
