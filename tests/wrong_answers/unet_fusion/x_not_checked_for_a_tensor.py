"""Never checks that x is a tensor: a list fails with an AttributeError instead of a TypeError naming x."""

from solutions.unet_fusion import unet_fusion as _solution
from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = ["test_center_crop_rejects_x_that_is_not_a_tensor"]


def center_crop(x, size):
    h, w = _solution._check_size(size)
    height, width = x.shape[-2:]
    if h > height or w > width:
        raise ValueError(f"size: the crop ({h}, {w}) is larger than the input ({height}, {width})")
    top, left = (height - h) // 2, (width - w) // 2
    return x[..., top : top + h, left : left + w]
