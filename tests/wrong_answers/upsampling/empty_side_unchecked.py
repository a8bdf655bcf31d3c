"""Does not check for an empty side: an image of height 0 fails deep inside with an indexing error."""

import torch

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_rejects_bad_arguments[empty height]"]


def bilinear_interpolate(x, size, align_corners=False):
    if isinstance(x, torch.Tensor) and x.dim() == 4 and 0 in x.shape[2:]:
        h, w = (size, size) if isinstance(size, int) else size
        src = torch.zeros(h, dtype=torch.long)
        return x[:, :, src][:, :, :, torch.zeros(w, dtype=torch.long)]  # reads row 0 of an empty image
    return _right(x, size, align_corners)
