"""Flattens H and W with view() (x.view(n, g, c // g, -1)): fails on inputs whose H and W cannot be merged in place."""

from solutions.channel_shuffle.channel_shuffle import *
from solutions.channel_shuffle.channel_shuffle import _check_groups

CAUGHT_BY = ["test_accepts_non_contiguous_inputs"]


def channel_shuffle(x, groups):
    n, c, h, w = x.shape
    _check_groups(groups, c)
    return x.view(n, groups, c // groups, -1).transpose(1, 2).reshape(n, c, h, w)
