"""Right values, but torch._C._nn.upsample_bilinear2d, bound as a default argument, does the work."""

import torch

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_by_hand"]


def bilinear_interpolate(x, size, align_corners=False, _up=torch._C._nn.upsample_bilinear2d):
    _right(x, size, align_corners)  # the argument checks
    h, w = (size, size) if isinstance(size, int) else size
    return _up(x, [h, w], align_corners, None)
