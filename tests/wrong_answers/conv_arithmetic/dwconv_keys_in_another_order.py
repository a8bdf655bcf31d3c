"""dwconv_cost builds its dict as flops, macs, params: the right numbers, not in the documented key order."""

from solutions.conv_arithmetic import conv_arithmetic as _solution
from solutions.conv_arithmetic.conv_arithmetic import *

CAUGHT_BY = ["test_dwconv_cost_keys_come_in_the_documented_order"]


def dwconv_cost(n, c, h, w, kernel=3, stride=1):
    cost = _solution.dwconv_cost(n, c, h, w, kernel=kernel, stride=stride)
    return {"flops": cost["flops"], "macs": cost["macs"], "params": cost["params"]}
