"""conv2d_params checks in_channels but not out_channels, kernel or groups: zeros give 0 or ZeroDivisionError."""

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int

CAUGHT_BY = ["test_conv2d_params_rejects_bad_arguments"]


def conv2d_params(in_channels, out_channels, kernel, groups=1, bias=True):
    _int("in_channels", in_channels, 1)
    if not isinstance(bias, bool):
        raise TypeError(f"bias: expected a bool, got {type(bias).__name__}")
    kh, kw = kernel if isinstance(kernel, tuple) else (kernel, kernel)
    if in_channels % groups or out_channels % groups:
        raise ValueError(f"groups: {groups} does not divide in_channels {in_channels} and out_channels {out_channels}")
    return out_channels * (in_channels // groups) * kh * kw + (out_channels if bias else 0)
