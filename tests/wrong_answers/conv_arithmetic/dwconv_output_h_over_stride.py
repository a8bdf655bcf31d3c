"""dwconv_cost takes the output side as h // stride and counts FLOPs as MACs."""

from solutions.conv_arithmetic.conv_arithmetic import *
from solutions.conv_arithmetic.conv_arithmetic import _int

CAUGHT_BY = [
    "test_dwconv_cost_of_the_interview_case",
    "test_dwconv_cost_matches_nn_conv2d_and_flop_counter[8-16-15-9-3-2]",
]


def dwconv_cost(n, c, h, w, kernel=3, stride=1):
    for name, v in (("n", n), ("c", c), ("h", h), ("w", w), ("kernel", kernel), ("stride", stride)):
        _int(name, v, 1)
    macs = n * c * (h // stride) * (w // stride) * kernel * kernel
    return {"params": c * kernel * kernel, "macs": macs, "flops": macs}
