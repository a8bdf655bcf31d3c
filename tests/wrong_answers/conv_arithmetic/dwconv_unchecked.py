"""dwconv_cost applies the formula without checking its arguments: zero channels cost 0, stride 0 divides by 0."""

from solutions.conv_arithmetic.conv_arithmetic import *

CAUGHT_BY = ["test_dwconv_cost_rejects_bad_arguments"]


def dwconv_cost(n, c, h, w, kernel=3, stride=1):
    pad = kernel // 2
    h_out = (h + 2 * pad - kernel) // stride + 1
    w_out = (w + 2 * pad - kernel) // stride + 1
    params = c * kernel * kernel
    macs = n * c * h_out * w_out * kernel * kernel
    return {"params": params, "macs": macs, "flops": 2 * macs}
