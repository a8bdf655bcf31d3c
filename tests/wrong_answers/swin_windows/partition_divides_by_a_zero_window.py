"""Checks only that window_size divides H and W: a window_size of 0 fails with ZeroDivisionError, -4 slips through."""

from solutions.swin_windows import swin_windows as _solution
from solutions.swin_windows.swin_windows import *

CAUGHT_BY = [
    "test_partition_rejects_bad_shapes[window_size 0]",
    "test_partition_rejects_bad_shapes[negative window_size]",
]


def window_partition(x, window_size):
    if x.dim() != 4:
        raise ValueError(f"x: expected a tensor [B, H, W, C], got {list(x.shape)}")
    B, H, W, C = x.shape
    if H % window_size or W % window_size:
        raise ValueError(f"window_size: expected a divisor of H={H} and W={W}, got {window_size}")
    if window_size < 0:
        return _solution.window_partition(x, -window_size)
    return _solution.window_partition(x, window_size)
