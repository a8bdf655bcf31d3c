"""bilinear_kernel divides the kernel by its sum, as for a blur: the upsampled map comes out factor^2 too dark."""

from solutions.upsampling import upsampling as _solution
from solutions.upsampling.upsampling import *

CAUGHT_BY = [
    "test_bilinear_kernel_is_the_outer_product_of_fcn_triangles[factor 2]",
    "test_transposed_conv_with_bilinear_kernel_reproduces_bilinear_upsampling_inside",
]


def bilinear_kernel(channels, factor):
    kernel = _solution.bilinear_kernel(channels, factor)
    return kernel / kernel[0].sum()
