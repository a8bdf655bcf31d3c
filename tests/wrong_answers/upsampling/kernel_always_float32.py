"""bilinear_kernel is always float32 (dtype=torch.float32), not torch's default dtype."""

import torch

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_kernel as _right

CAUGHT_BY = ["test_bilinear_kernel_follows_the_default_dtype"]


def bilinear_kernel(channels, factor):
    return _right(channels, factor).to(torch.float32)
