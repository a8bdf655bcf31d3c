"""Right values, but F.interpolate(mode="trilinear") on a depth of 1: bilinear under another mode's name."""

import torch.nn.functional as F

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_by_hand"]


def bilinear_interpolate(x, size, align_corners=False):
    _right(x, size, align_corners)  # the argument checks
    h, w = (size, size) if isinstance(size, int) else size
    out = F.interpolate(x.unsqueeze(2), size=(1, h, w), mode="trilinear", align_corners=align_corners)
    return out.squeeze(2)
