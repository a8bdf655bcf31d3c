"""conv2d_params gives every output channel all in_channels inputs, whatever groups is."""

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int, _pair

CAUGHT_BY = ["test_conv2d_params_matches_nn_conv2d", "test_dwconv_cost_of_the_interview_case"]


def conv2d_params(in_channels, out_channels, kernel, groups=1, bias=True):
    kh, kw = _pair("kernel", kernel, 1)
    g = _int("groups", groups, 1)
    if in_channels % g or out_channels % g:
        raise ValueError("groups: channels not divisible by groups")
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def dwconv_cost(n, c, h, w, kernel=3, stride=1):
    macs = conv2d_macs(n, c, c, h, w, kernel, stride=stride, padding=kernel // 2, groups=c)
    return {"params": conv2d_params(c, c, kernel, groups=c, bias=False), "macs": macs, "flops": 2 * macs}
