"""Returns a contiguous copy of the window instead of a view of the input (the stub promises no copy)."""

from solutions.unet_fusion import unet_fusion as _solution
from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = ["test_center_crop_returns_a_view_of_x"]


def center_crop(x, size):
    return _solution.center_crop(x, size).contiguous()
