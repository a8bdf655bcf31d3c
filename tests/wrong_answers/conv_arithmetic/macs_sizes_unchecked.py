"""conv2d_macs leaves h, w and padding unchecked: h = 0 is reported as a kernel too large, a float h passes."""

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int, _pair

CAUGHT_BY = ["test_conv2d_macs_rejects_each_bad_argument_by_name"]


def conv2d_macs(n, in_channels, out_channels, h, w, kernel, stride=1, padding=0, groups=1):
    _int("n", n, 1)
    sh, sw = _pair("stride", stride, 1)
    ph, pw = padding if isinstance(padding, tuple) else (padding, padding)
    kh, kw = _pair("kernel", kernel, 1)
    weights = conv2d_params(in_channels, out_channels, (kh, kw), groups=groups, bias=False)
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError(f"kernel: ({kh}, {kw}) is larger than the padded input")
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    return n * h_out * w_out * weights
