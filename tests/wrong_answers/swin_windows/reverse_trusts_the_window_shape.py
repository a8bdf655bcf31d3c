"""Checks only the number of windows in window_reverse: windows of another size or rank fail inside reshape."""

from solutions.swin_windows.swin_windows import *

CAUGHT_BY = [
    "test_reverse_rejects_windows_of_the_wrong_shape[3 x 3 windows for M=2]",
    "test_reverse_rejects_windows_of_the_wrong_shape[three-dimensional windows]",
]


def window_reverse(windows, window_size, H, W):
    M = window_size
    if M <= 0 or H % M or W % M:
        raise ValueError(f"window_size: expected a positive divisor of H={H} and W={W}, got {M}")
    n = (H // M) * (W // M)
    if windows.shape[0] % n:
        raise ValueError(f"windows: expected a multiple of {n} windows, got {windows.shape[0]}")
    B = windows.shape[0] // n
    x = windows.reshape(B, H // M, W // M, M, M, -1).permute(0, 1, 3, 2, 4, 5)
    return x.reshape(B, H, W, -1)
