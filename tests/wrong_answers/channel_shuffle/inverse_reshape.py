"""Reshapes channels to (C // groups, groups) instead of (groups, C // groups): the inverse shuffle, in both layouts."""

import numpy as np

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = [
    "test_six_channels_come_out_in_shuffled_order",
    "test_matches_nn_channel_shuffle",
    "test_nhwc_six_channels_come_out_in_shuffled_order",
]


def channel_shuffle(x, groups):
    n, c, h, w = x.shape
    _check_groups(groups, c)
    return x.reshape(n, c // groups, groups, h, w).transpose(1, 2).reshape(n, c, h, w)


def channel_shuffle_nhwc(x, groups):
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x: expected a numpy.ndarray, got {type(x).__name__}")
    n, h, w, c = x.shape
    _check_groups(groups, c)
    return x.reshape(n, h, w, c // groups, groups).transpose(0, 1, 2, 4, 3).reshape(n, h, w, c).copy()
