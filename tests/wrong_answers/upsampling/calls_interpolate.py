"""Right values, but calls F.interpolate instead of writing the interpolation by hand."""

import torch.nn.functional as F

from solutions.upsampling.upsampling import *

CAUGHT_BY = ["test_by_hand"]


def bilinear_interpolate(x, size, align_corners=False):
    return F.interpolate(x, size=size, mode="bilinear", align_corners=align_corners)
