"""triangulate passes its inputs to torch.as_tensor unchecked: integer pixels are accepted, a string fails in torch."""

import torch

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_triangulation_rejects_bad_arguments[integer x_left tensor]",
    "test_triangulation_rejects_bad_arguments[string x_right]",
    "test_triangulation_rejects_bad_arguments[None y]",
]


def triangulate(x_left, x_right, y, focal_px, baseline, cx, cy):
    xl, xr, yy = (
        t if isinstance(t, torch.Tensor) and t.is_floating_point() else torch.as_tensor(t).to(torch.get_default_dtype())
        for t in (x_left, x_right, y)
    )
    return _ref.triangulate(xl, xr, yy, focal_px, baseline, cx, cy)
