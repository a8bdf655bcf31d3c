"""Concatenates the decoder map first and the cropped skip second."""

import torch

from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = [
    "test_unet_fuse_puts_the_cropped_skip_first_then_up",
    "test_unet_fuse_crops_skip_to_the_size_of_up_and_concatenates",
    "test_unet_fuse_of_equal_sizes_is_a_plain_concatenation",
]


def unet_fuse(skip, up):
    if up.shape[-2] > skip.shape[-2] or up.shape[-1] > skip.shape[-1]:
        raise ValueError("up: larger than skip")
    if skip.dim() != 4 or up.dim() != 4 or skip.shape[0] != up.shape[0]:
        raise ValueError("skip/up: expected 4-D tensors with the same batch size")
    return torch.cat([up, center_crop(skip, up.shape[-2:])], dim=1)
