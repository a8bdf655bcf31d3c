"""Right values, but F.interpolate(mode="linear") along the width, then along the height: bilinear in two calls."""

import torch.nn.functional as F

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_by_hand"]


def bilinear_interpolate(x, size, align_corners=False):
    _right(x, size, align_corners)  # the argument checks
    h, w = (size, size) if isinstance(size, int) else size
    n, c, H, _ = x.shape
    rows = F.interpolate(x.reshape(n * c * H, 1, -1), size=w, mode="linear", align_corners=align_corners)
    rows = rows.reshape(n, c, H, w).transpose(2, 3).reshape(n * c * w, 1, H)
    out = F.interpolate(rows, size=h, mode="linear", align_corners=align_corners)
    return out.reshape(n, c, w, h).transpose(2, 3)
