"""Output size rounded to the nearest int instead of down: round() where nn.Conv2d floors."""

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int

CAUGHT_BY = ["test_conv_output_size_matches_nn_conv_over_a_grid", "test_conv_output_size_hand_worked[floor not round]"]


def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    _int("size", size, 1)
    _int("kernel", kernel, 1)
    _int("stride", stride, 1)
    _int("padding", padding, 0)
    _int("dilation", dilation, 1)
    span = dilation * (kernel - 1) + 1
    if size + 2 * padding < span:
        raise ValueError(f"kernel: the dilated kernel spans {span}, larger than the padded input")
    return round((size + 2 * padding - span) / stride) + 1
