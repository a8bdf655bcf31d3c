"""conv_output_size checks its arguments with isinstance(value, int) alone, so True passes as a size of 1."""

from solutions.conv_arithmetic.conv_arithmetic import *

CAUGHT_BY = ["test_every_function_refuses_a_bool_for_an_int[conv_output_size]"]


def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    for name, value, low in (("size", size, 1), ("kernel", kernel, 1), ("stride", stride, 1)):
        if not isinstance(value, int):
            raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
        if value < low:
            raise ValueError(f"{name}: expected an int >= {low}, got {value}")
    for name, value, low in (("padding", padding, 0), ("dilation", dilation, 1)):
        if not isinstance(value, int):
            raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
        if value < low:
            raise ValueError(f"{name}: expected an int >= {low}, got {value}")
    span = dilation * (kernel - 1) + 1
    if size + 2 * padding < span:
        raise ValueError(f"kernel: the dilated kernel spans {span}, larger than the padded input")
    return (size + 2 * padding - span) // stride + 1
