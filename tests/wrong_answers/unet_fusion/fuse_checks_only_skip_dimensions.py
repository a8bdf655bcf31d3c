"""Checks that skip is 4-D but not up: a 3-D up fails inside torch.cat with a RuntimeError."""

import torch

from solutions.unet_fusion.unet_fusion import *

CAUGHT_BY = ["test_unet_fuse_rejects_inputs_that_do_not_fit[up three-dimensional]"]


def unet_fuse(skip, up):
    for name, t in (("skip", skip), ("up", up)):
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"{name}: expected a tensor, got {type(t).__name__}")
    if skip.dim() != 4:
        raise ValueError(f"skip: expected a 4-D tensor [N, C, H, W], got shape {list(skip.shape)}")
    if skip.shape[0] != up.shape[0]:
        raise ValueError(f"up: expected the batch size of skip ({skip.shape[0]}), got {up.shape[0]}")
    if skip.dtype != up.dtype:
        raise TypeError(f"up: expected the dtype of skip ({skip.dtype}), got {up.dtype}")
    h, w = up.shape[-2:]
    if h > skip.shape[-2] or w > skip.shape[-1]:
        raise ValueError(f"up: spatial size ({h}, {w}) is larger than skip's")
    return torch.cat([center_crop(skip, (h, w)), up], dim=1)
