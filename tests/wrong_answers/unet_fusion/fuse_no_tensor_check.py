"""Never checks that skip and up are tensors: a list fails with an AttributeError, not a TypeError."""

import torch

from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = ["test_unet_fuse_rejects_arguments_that_are_not_tensors"]


def unet_fuse(skip, up):
    for name, t in (("skip", skip), ("up", up)):
        if t.dim() != 4:
            raise ValueError(f"{name}: expected a 4-D tensor [N, C, H, W], got shape {list(t.shape)}")
    if skip.shape[0] != up.shape[0]:
        raise ValueError(f"up: expected the batch size of skip ({skip.shape[0]}), got {up.shape[0]}")
    if skip.dtype != up.dtype:
        raise TypeError(f"up: expected the dtype of skip ({skip.dtype}), got {up.dtype}")
    h, w = up.shape[-2:]
    if h > skip.shape[-2] or w > skip.shape[-1]:
        raise ValueError(f"up: spatial size ({h}, {w}) is larger than skip's")
    return torch.cat([center_crop(skip, (h, w)), up], dim=1)
