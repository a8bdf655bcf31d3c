"""channel_shuffle_nhwc unpacks the shape as n, h, w, c: arrays with more or fewer leading axes fail."""

import numpy as np

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = ["test_nhwc_accepts_any_number_of_leading_dims"]


def channel_shuffle_nhwc(x, groups):
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x: expected a numpy.ndarray, got {type(x).__name__}")
    if x.ndim < 1:
        raise ValueError("x: expected an array with a channel axis last, got a 0-d array")
    n, h, w, c = x.shape
    _check_groups(groups, c)
    return x.reshape(n, h, w, groups, c // groups).transpose(0, 1, 2, 4, 3).reshape(n, h, w, c).copy()
