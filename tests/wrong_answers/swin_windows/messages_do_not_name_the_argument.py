"""Error messages say what is wrong ("expected a 4-D tensor") but never name the argument x or h."""

import torch

from solutions.swin_windows import swin_windows as _solution
from solutions.swin_windows.swin_windows import *

CAUGHT_BY = [
    "test_partition_rejects_bad_shapes[three-dimensional x]",
    "test_flops_reject_non_positive_sizes[h=0]",
]


def window_partition(x, window_size):
    if not isinstance(x, torch.Tensor) or x.dim() != 4:
        raise ValueError("expected a 4-D tensor [B, H, W, C]")
    return _solution.window_partition(x, window_size)


def attention_flops(h, w, c, window_size=None):
    if any(isinstance(v, bool) or not isinstance(v, int) or v <= 0 for v in (h, w, c)):
        raise ValueError("each size should be a positive integer")
    return _solution.attention_flops(h, w, c, window_size)
