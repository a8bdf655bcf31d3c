"""channel_shuffle_nhwc shuffles axis 1 as if the array were NCHW, instead of the last (channel) axis."""

import numpy as np

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = [
    "test_nhwc_matches_nn_channel_shuffle_on_the_channel_axis",
    "test_nhwc_six_channels_come_out_in_shuffled_order",
]


def channel_shuffle_nhwc(x, groups):
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x: expected a numpy.ndarray, got {type(x).__name__}")
    n, c, h, w = x.shape
    _check_groups(groups, c)
    return x.reshape(n, groups, c // groups, h, w).swapaxes(1, 2).reshape(n, c, h, w).copy()
