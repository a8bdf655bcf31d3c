"""Copies only for one group: with one channel per group (groups == C) the result is a view of the input."""

import numpy as np
import torch

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = [
    "test_returns_a_new_tensor[c_groups]",
    "test_nhwc_one_group_leaves_the_order_and_returns_a_new_array[c_groups]",
]


def channel_shuffle(x, groups):
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x: expected a torch.Tensor [N, C, H, W], got {type(x).__name__}")
    if x.dim() < 3:
        raise ValueError(f"x: expected a tensor [N, C, H, W], got shape {list(x.shape)}")
    n, c = x.shape[:2]
    _check_groups(groups, c)
    if groups == 1:
        return x.clone()
    return x.reshape(n, groups, c // groups, *x.shape[2:]).transpose(1, 2).reshape(x.shape)


def channel_shuffle_nhwc(x, groups):
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x: expected a numpy.ndarray [N, H, W, C], got {type(x).__name__}")
    if x.ndim < 1:
        raise ValueError("x: expected an array with a channel axis last, got a 0-d array")
    c = x.shape[-1]
    _check_groups(groups, c)
    if groups == 1:
        return x.copy()
    return np.swapaxes(x.reshape(*x.shape[:-1], groups, c // groups), -1, -2).reshape(x.shape)
