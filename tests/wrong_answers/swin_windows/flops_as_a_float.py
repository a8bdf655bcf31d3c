"""Returns the FLOPs as a float (math.pow for the squares) instead of an exact Python int."""

import math

from solutions.swin_windows import swin_windows as _solution
from solutions.swin_windows.swin_windows import *

CAUGHT_BY = ["test_flops_are_python_ints"]


def attention_flops(h, w, c, window_size=None):
    _solution.attention_flops(h, w, c, window_size)  # the argument checks
    hw = h * w
    if window_size is None:
        return 4 * hw * math.pow(c, 2) + 2 * math.pow(hw, 2) * c
    return 4 * hw * math.pow(c, 2) + 2 * math.pow(window_size, 2) * hw * c
