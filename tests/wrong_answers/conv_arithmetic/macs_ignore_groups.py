"""MACs count all C_in input channels per output, instead of C_in / groups."""

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int, _out_size, _pair

CAUGHT_BY = [
    "test_conv2d_macs_match_flop_counter",
    "test_dwconv_cost_of_the_interview_case",
    "test_dwconv_cost_matches_nn_conv2d_and_flop_counter",
]


def conv2d_macs(n, in_channels, out_channels, h, w, kernel, stride=1, padding=0, groups=1):
    _int("n", n, 1)
    sh, sw = _pair("stride", stride, 1)
    ph, pw = _pair("padding", padding, 0)
    kh, kw = _pair("kernel", kernel, 1)
    conv2d_params(in_channels, out_channels, (kh, kw), groups=groups)  # validation only
    h_out = _out_size(_int("h", h, 1), kh, sh, ph, 1, "h")
    w_out = _out_size(_int("w", w, 1), kw, sw, pw, 1, "w")
    return n * out_channels * h_out * w_out * in_channels * kh * kw


def dwconv_cost(n, c, h, w, kernel=3, stride=1):
    macs = conv2d_macs(n, c, c, h, w, kernel, stride=stride, padding=kernel // 2, groups=c)
    return {"params": conv2d_params(c, c, kernel, groups=c, bias=False), "macs": macs, "flops": 2 * macs}
