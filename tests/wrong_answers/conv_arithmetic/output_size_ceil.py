"""Output size rounded up (ceil_mode) instead of down, as nn.Conv2d does."""

import math

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int

CAUGHT_BY = ["test_conv_output_size_matches_nn_conv_over_a_grid", "test_conv_output_size_hand_worked[floor not ceil]"]


def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    for name, v, lo in (("size", size, 1), ("kernel", kernel, 1), ("stride", stride, 1), ("padding", padding, 0)):
        _int(name, v, lo)
    _int("dilation", dilation, 1)
    span = dilation * (kernel - 1) + 1
    if size + 2 * padding < span:
        raise ValueError("kernel: larger than the padded input")
    return math.ceil((size + 2 * padding - span) / stride) + 1
