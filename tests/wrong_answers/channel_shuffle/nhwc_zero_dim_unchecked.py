"""channel_shuffle_nhwc reads x.shape[-1] without checking for a 0-d array: an IndexError instead of ValueError."""

import numpy as np

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = ["test_nhwc_rejects_a_zero_dim_array"]


def channel_shuffle_nhwc(x, groups):
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x: expected a numpy.ndarray, got {type(x).__name__}")
    c = x.shape[-1]
    _check_groups(groups, c)
    return np.swapaxes(x.reshape(*x.shape[:-1], groups, c // groups), -1, -2).reshape(x.shape).copy()
