"""Right values, but RoI Pool takes each bin's maximum with F.max_pool2d (kernel = the bin), a built-in pool."""

import torch
import torch.nn.functional as F

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import _check, _pair, _round_half_away

CAUGHT_BY = ["test_roi_pool_is_written_by_hand"]


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    h, w = input.shape[2:]
    out = input.new_zeros(len(boxes), input.shape[1], oh, ow)
    for k, (x1, y1, x2, y2) in enumerate(_round_half_away(corners * spatial_scale).long().tolist()):
        bin_w = torch.tensor(max(x2 - x1 + 1, 1), dtype=input.dtype) / ow
        bin_h = torch.tensor(max(y2 - y1 + 1, 1), dtype=input.dtype) / oh
        for i in range(oh):
            r0 = min(max(int(torch.floor(i * bin_h)) + y1, 0), h)
            r1 = min(max(int(torch.ceil((i + 1) * bin_h)) + y1, 0), h)
            for j in range(ow):
                c0 = min(max(int(torch.floor(j * bin_w)) + x1, 0), w)
                c1 = min(max(int(torch.ceil((j + 1) * bin_w)) + x1, 0), w)
                if r1 > r0 and c1 > c0:
                    region = input[batch[k], :, r0:r1, c0:c1]
                    out[k, :, i, j] = F.max_pool2d(region, (r1 - r0, c1 - c0)).reshape(-1)
    return out
