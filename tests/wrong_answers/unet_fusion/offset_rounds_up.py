"""Rounds the crop offset up, (H - h + 1) // 2: the odd pixel is left at the top/left instead."""

import torch

from solutions.unet_fusion import unet_fusion as _solution
from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = [
    "test_center_crop_leaves_the_odd_pixel_at_the_bottom_right",
    "test_center_crop_offset_is_floor_of_half_the_difference[odd differences 3 and 4]",
    "test_unet_fuse_crops_skip_to_the_size_of_up_and_concatenates[odd differences]",
    "test_unet_fuse_sends_gradients_back_into_the_crop_window",
]


def center_crop(x, size):
    h, w = _solution._check_size(size)
    height, width = x.shape[-2:]
    if h > height or w > width:
        raise ValueError(f"size: the crop ({h}, {w}) is larger than the input ({height}, {width})")
    top, left = (height - h + 1) // 2, (width - w + 1) // 2
    return x[..., top : top + h, left : left + w]


def unet_fuse(skip, up):
    if up.shape[-2] > skip.shape[-2] or up.shape[-1] > skip.shape[-1]:
        raise ValueError("up: larger than skip")
    if skip.dim() != 4 or up.dim() != 4 or skip.shape[0] != up.shape[0]:
        raise ValueError("skip/up: expected 4-D tensors with the same batch size")
    return torch.cat([center_crop(skip, up.shape[-2:]), up], dim=1)
