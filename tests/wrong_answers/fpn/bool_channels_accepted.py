"""Checks the channel counts with isinstance(c, int) alone, so True passes as one channel."""

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = ["test_rejects_bad_arguments[bool in list]"]


class FPN(_solution.FPN):
    def __init__(self, in_channels_list, out_channels):
        for c in in_channels_list:
            if not isinstance(c, int):
                raise TypeError(f"in_channels_list: expected ints, got {type(c).__name__}")
        super().__init__([int(c) for c in in_channels_list], out_channels)
