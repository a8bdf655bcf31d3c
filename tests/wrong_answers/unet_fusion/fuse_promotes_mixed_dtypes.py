"""Lets torch.cat promote a float32 skip and a float64 up to float64 instead of refusing mixed dtypes."""

import torch

from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = ["test_unet_fuse_rejects_different_dtypes"]


def unet_fuse(skip, up):
    for name, t in (("skip", skip), ("up", up)):
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"{name}: expected a tensor, got {type(t).__name__}")
        if t.dim() != 4:
            raise ValueError(f"{name}: expected a 4-D tensor [N, C, H, W], got shape {list(t.shape)}")
    if skip.shape[0] != up.shape[0]:
        raise ValueError(f"up: expected the batch size of skip ({skip.shape[0]}), got {up.shape[0]}")
    h, w = up.shape[-2:]
    if h > skip.shape[-2] or w > skip.shape[-1]:
        raise ValueError(f"up: spatial size ({h}, {w}) is larger than skip's")
    return torch.cat([center_crop(skip, (h, w)), up], dim=1)
