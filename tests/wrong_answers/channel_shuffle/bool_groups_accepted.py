"""Checks groups with isinstance(groups, int) alone, so True is taken as one group instead of being refused."""

import numpy as np
import torch

from solutions.channel_shuffle.channel_shuffle import *

CAUGHT_BY = ["test_rejects_groups_that_are_not_an_int"]


def _check_groups(groups, channels):
    if not isinstance(groups, (int, np.integer)):
        raise TypeError(f"groups: expected a positive int, got {type(groups).__name__}")
    if groups < 1:
        raise ValueError(f"groups: expected a positive int, got {groups}")
    if channels % groups:
        raise ValueError(f"groups: the {channels} channels do not split into {groups} equal groups")


def channel_shuffle(x, groups):
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x: expected a torch.Tensor [N, C, H, W], got {type(x).__name__}")
    if x.dim() < 3:
        raise ValueError(f"x: expected a tensor [N, C, H, W], got shape {list(x.shape)}")
    n, c = x.shape[:2]
    _check_groups(groups, c)
    return x.reshape(n, groups, c // groups, *x.shape[2:]).transpose(1, 2).reshape(x.shape).clone()


def channel_shuffle_nhwc(x, groups):
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x: expected a numpy.ndarray [N, H, W, C], got {type(x).__name__}")
    if x.ndim < 1:
        raise ValueError("x: expected an array with a channel axis last, got a 0-d array")
    c = x.shape[-1]
    _check_groups(groups, c)
    return np.swapaxes(x.reshape(*x.shape[:-1], groups, c // groups), -1, -2).reshape(x.shape).copy()
