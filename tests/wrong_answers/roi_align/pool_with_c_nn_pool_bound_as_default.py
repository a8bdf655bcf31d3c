"""Right values, but RoI Pool pools each crop with torch._C._nn.adaptive_max_pool2d, bound as a default argument."""

import torch
import torch.nn.functional as F

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import _check, _pair, _round_half_away

CAUGHT_BY = ["test_roi_pool_is_written_by_hand"]


def roi_pool(input, boxes, output_size, spatial_scale=1.0, _pool=torch._C._nn.adaptive_max_pool2d):
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    out = input.new_zeros(len(boxes), input.shape[1], oh, ow)
    for k, (x1, y1, x2, y2) in enumerate(_round_half_away(corners * spatial_scale).long().tolist()):
        w, h = max(x2 - x1 + 1, 1), max(y2 - y1 + 1, 1)
        # pad with -inf so that the crop exists even where the RoI leaves the map
        pad = max(0, -x1, -y1, x2 + 1 - input.shape[3], y2 + 1 - input.shape[2], w, h)
        fmap = F.pad(input[batch[k]], (pad, pad, pad, pad), value=float("-inf"))
        crop = fmap[:, y1 + pad : y1 + pad + h, x1 + pad : x1 + pad + w]
        pooled, _ = _pool(crop, (oh, ow))
        out[k] = torch.where(torch.isinf(pooled), torch.zeros_like(pooled), pooled)
    return out
