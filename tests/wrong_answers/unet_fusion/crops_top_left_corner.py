"""Crops the top-left corner (offset 0) instead of the centre, as plain slicing skip[..., :h, :w] does."""

import torch

from solutions.unet_fusion import unet_fusion as _solution
from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = [
    "test_center_crop_offset_is_floor_of_half_the_difference",
    "test_center_crop_with_unet_sizes",
    "test_unet_fuse_puts_the_cropped_skip_first_then_up",
]


def center_crop(x, size):
    h, w = _solution._check_size(size)
    if h > x.shape[-2] or w > x.shape[-1]:
        raise ValueError(f"size: the crop ({h}, {w}) is larger than the input {tuple(x.shape[-2:])}")
    return x[..., :h, :w]


def unet_fuse(skip, up):
    if up.shape[-2] > skip.shape[-2] or up.shape[-1] > skip.shape[-1]:
        raise ValueError("up: larger than skip")
    if skip.dim() != 4 or up.dim() != 4 or skip.shape[0] != up.shape[0]:
        raise ValueError("skip/up: expected 4-D tensors with the same batch size")
    return torch.cat([center_crop(skip, up.shape[-2:]), up], dim=1)
