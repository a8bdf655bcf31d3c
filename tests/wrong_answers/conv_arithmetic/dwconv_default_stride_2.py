"""dwconv_cost defaults to stride 2 (MobileNet's downsampling blocks) instead of the documented stride 1."""

from solutions.conv_arithmetic import conv_arithmetic as _solution
from solutions.conv_arithmetic.conv_arithmetic import *

CAUGHT_BY = ["test_dwconv_cost_defaults_to_a_3x3_kernel_with_stride_1"]


def dwconv_cost(n, c, h, w, kernel=3, stride=2):
    return _solution.dwconv_cost(n, c, h, w, kernel=kernel, stride=stride)
