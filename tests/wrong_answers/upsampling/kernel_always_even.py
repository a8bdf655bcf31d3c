"""bilinear_kernel always uses k = 2 * factor with the centre between two taps, also for odd factors."""

import torch

from solutions.upsampling.upsampling import *

CAUGHT_BY = [
    "test_bilinear_kernel_is_the_outer_product_of_fcn_triangles[factor 3]",
    "test_bilinear_kernel_has_one_kernel_per_channel[7-3]",
    "test_transposed_conv_with_bilinear_kernel_reproduces_bilinear_upsampling_inside[3]",
]


def bilinear_kernel(channels, factor):
    k = 2 * factor
    t = torch.arange(k, dtype=torch.float64)
    tri = 1 - (t - (factor - 0.5)).abs() / factor
    return (tri[:, None] * tri[None, :]).float().expand(channels, 1, k, k).clone()
