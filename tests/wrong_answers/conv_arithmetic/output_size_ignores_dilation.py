"""Output size with the plain kernel length, forgetting that dilation spreads the taps."""

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int

CAUGHT_BY = [
    "test_conv_output_size_matches_nn_conv_over_a_grid",
    "test_conv_output_size_hand_worked[dilation]",
    "test_conv_output_size_rejects_kernel_longer_than_padded_input",
]


def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    for name, v, lo in (("size", size, 1), ("kernel", kernel, 1), ("stride", stride, 1), ("padding", padding, 0)):
        _int(name, v, lo)
    _int("dilation", dilation, 1)
    if size + 2 * padding < kernel:
        raise ValueError("kernel: larger than the padded input")
    return (size + 2 * padding - kernel) // stride + 1
