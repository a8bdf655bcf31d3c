"""conv2d_params takes any truthy bias as True instead of refusing a bias that is not a bool."""

from solutions.conv_arithmetic import conv_arithmetic as _solution
from solutions.conv_arithmetic.conv_arithmetic import *

CAUGHT_BY = ["test_conv2d_params_rejects_bad_arguments[bias 1]", "test_conv2d_params_rejects_bad_arguments[bias None]"]


def conv2d_params(in_channels, out_channels, kernel, groups=1, bias=True):
    return _solution.conv2d_params(in_channels, out_channels, kernel, groups=groups, bias=bool(bias))
