"""Right values, but calls torch.ops.aten.upsample_bilinear2d, the kernel behind F.interpolate."""

import torch

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_by_hand"]


def bilinear_interpolate(x, size, align_corners=False):
    _right(x, size, align_corners)  # the argument checks
    h, w = (size, size) if isinstance(size, int) else size
    return torch.ops.aten.upsample_bilinear2d.vec(x, [h, w], align_corners, None)
