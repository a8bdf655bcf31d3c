"""Right values, but a Python loop over the output pixels, each blending four [N, C] slices."""

import torch

from solutions.upsampling import upsampling as _solution
from solutions.upsampling.upsampling import *

CAUGHT_BY = ["test_resizes_a_large_image_without_a_loop_over_pixels"]


def bilinear_interpolate(x, size, align_corners=False):
    if not isinstance(x, torch.Tensor) or not x.is_floating_point():
        raise TypeError("x: expected a floating-point tensor")
    if x.dim() != 4:
        raise ValueError(f"x: expected a 4-D tensor, got shape {list(x.shape)}")
    out_h, out_w = _solution._check_size(size)
    in_h, in_w = x.shape[-2:]
    top, bottom, wy = (v.tolist() for v in _solution._source(in_h, out_h, align_corners, x.device))
    left, right, wx = (v.tolist() for v in _solution._source(in_w, out_w, align_corners, x.device))
    rows = []
    for i in range(out_h):
        row = []
        for j in range(out_w):
            a = x[:, :, top[i], left[j]] * (1 - wx[j]) + x[:, :, top[i], right[j]] * wx[j]
            b = x[:, :, bottom[i], left[j]] * (1 - wx[j]) + x[:, :, bottom[i], right[j]] * wx[j]
            row.append(a * (1 - wy[i]) + b * wy[i])
        rows.append(torch.stack(row, dim=-1))
    return torch.stack(rows, dim=-2)
