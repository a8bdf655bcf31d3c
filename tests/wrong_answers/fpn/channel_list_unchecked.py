"""Checks in_channels_list only for emptiness and values below 1: an int or float counts fail inside torch."""

from torch import nn

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = ["test_rejects_bad_arguments[list an int]", "test_rejects_bad_arguments[float in list]"]


class FPN(_solution.FPN):
    def __init__(self, in_channels_list, out_channels):
        nn.Module.__init__(self)
        if not in_channels_list:
            raise ValueError("in_channels_list: expected at least one level")
        if any(c < 1 for c in in_channels_list):
            raise ValueError(f"in_channels_list: channel counts must be >= 1, got {in_channels_list}")
        if isinstance(out_channels, bool) or not isinstance(out_channels, int):
            raise TypeError(f"out_channels: expected an int, got {type(out_channels).__name__}")
        if out_channels < 1:
            raise ValueError(f"out_channels: expected >= 1, got {out_channels}")
        self.in_channels_list = list(in_channels_list)
        self.inner_blocks = nn.ModuleList(nn.Conv2d(c, out_channels, 1) for c in in_channels_list)
        self.layer_blocks = nn.ModuleList(nn.Conv2d(out_channels, out_channels, 3, padding=1) for _ in in_channels_list)
