"""Checks only that the sizes are positive: attention_flops(56.0, 56, 96) goes through instead of raising."""

from solutions.swin_windows.swin_windows import *

CAUGHT_BY = ["test_flops_reject_non_positive_sizes[float h]", "test_flops_reject_non_positive_sizes[float M]"]


def attention_flops(h, w, c, window_size=None):
    for name, value in (("h", h), ("w", w), ("c", c), ("window_size", window_size)):
        if value is not None and value <= 0:
            raise ValueError(f"{name}: expected a positive int, got {value}")
    hw = h * w
    if window_size is None:
        return 4 * hw * c * c + 2 * hw * hw * c
    return 4 * hw * c * c + 2 * window_size * window_size * hw * c
