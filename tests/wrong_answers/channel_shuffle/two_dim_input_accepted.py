"""channel_shuffle accepts a [N, C] tensor (or a bare [C]) and shuffles it, instead of refusing fewer than 3 dims."""

import torch

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = ["test_rejects_x_with_fewer_than_three_dims"]


def channel_shuffle(x, groups):
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x: expected a torch.Tensor, got {type(x).__name__}")
    x2 = x.reshape(1, -1) if x.dim() == 1 else x
    n, c = x2.shape[:2]
    _check_groups(groups, c)
    return x2.reshape(n, groups, c // groups, *x2.shape[2:]).transpose(1, 2).reshape(x.shape).clone()
