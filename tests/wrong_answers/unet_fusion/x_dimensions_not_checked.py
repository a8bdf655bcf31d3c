"""Never checks that x has two spatial axes: a 1-D input fails with Python's unpacking error, not one naming x."""

import torch

from solutions.unet_fusion import unet_fusion as _solution
from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = ["test_center_crop_rejects_x_with_fewer_than_two_dimensions"]


def center_crop(x, size):
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x: expected a tensor, got {type(x).__name__}")
    h, w = _solution._check_size(size)
    height, width = x.shape[-2:]
    if h > height or w > width:
        raise ValueError(f"size: the crop ({h}, {w}) is larger than the input ({height}, {width})")
    top, left = (height - h) // 2, (width - w) // 2
    return x[..., top : top + h, left : left + w]
