"""Unpacks the shape as n, c, h, w: tensors with other trailing dims ([N, C, L], [N, C, D, H, W]) fail."""

import torch

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = ["test_accepts_other_trailing_dims"]


def channel_shuffle(x, groups):
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x: expected a torch.Tensor [N, C, H, W], got {type(x).__name__}")
    if x.dim() < 3:
        raise ValueError(f"x: expected a tensor [N, C, H, W], got shape {list(x.shape)}")
    n, c, h, w = x.shape
    _check_groups(groups, c)
    return x.reshape(n, groups, c // groups, h, w).transpose(1, 2).reshape(n, c, h, w).clone()
