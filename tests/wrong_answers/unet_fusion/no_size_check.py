"""Never checks the crop against the input: slicing past the end silently returns a smaller window."""

from solutions.unet_fusion import unet_fusion as _solution
from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = [
    "test_center_crop_rejects_a_crop_larger_than_the_input[wider]",
    "test_center_crop_rejects_a_crop_larger_than_the_input[both]",
]


def center_crop(x, size):
    h, w = _solution._check_size(size)
    top, left = max((x.shape[-2] - h) // 2, 0), max((x.shape[-1] - w) // 2, 0)
    return x[..., top : top + h, left : left + w]
