"""Calls nn.ChannelShuffle without checking the groups: RuntimeError instead of ValueError, and a view for groups=1."""

import torch

from solutions.channel_shuffle.channel_shuffle import *

CAUGHT_BY = [
    "test_rejects_channels_not_divisible_by_groups",
    "test_rejects_groups_below_one",
    "test_returns_a_new_tensor",
]


def channel_shuffle(x, groups):
    if groups == 1:
        return x
    return torch.nn.ChannelShuffle(groups)(x)
