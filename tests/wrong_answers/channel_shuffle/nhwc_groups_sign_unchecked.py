"""channel_shuffle_nhwc checks only that groups divides C: zero or negative groups fail inside NumPy, unexplained."""

import numpy as np

from solutions.channel_shuffle.channel_shuffle import *

CAUGHT_BY = ["test_rejects_groups_below_one"]


def channel_shuffle_nhwc(x, groups):
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x: expected a numpy.ndarray, got {type(x).__name__}")
    if x.ndim < 1:
        raise ValueError("x: expected an array with a channel axis last, got a 0-d array")
    if isinstance(groups, bool) or not isinstance(groups, int):
        raise TypeError(f"groups: expected an int, got {type(groups).__name__}")
    c = x.shape[-1]
    if c % groups:
        raise ValueError(f"groups: the {c} channels do not split into {groups} equal groups")
    return np.swapaxes(x.reshape(*x.shape[:-1], groups, c // groups), -1, -2).reshape(x.shape).copy()
