"""Takes a bool crop size as the number 1 (True == 1 in Python) instead of refusing it."""

from solutions.unet_fusion import unet_fusion as _solution
from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = ["test_center_crop_rejects_a_bool_size"]


def center_crop(x, size):
    if isinstance(size, bool):
        size = int(size)
    elif isinstance(size, tuple):
        size = tuple(int(s) if isinstance(s, bool) else s for s in size)
    return _solution.center_crop(x, size)
