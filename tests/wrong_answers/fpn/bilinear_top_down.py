"""Upsamples the top-down path bilinearly instead of with nearest neighbours, unlike FPN and torchvision."""

import torch.nn.functional as F

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = [
    "test_same_outputs_as_torchvision[float32-3-5-7->3]",
    "test_top_down_upsamples_nearest_to_the_exact_lateral_size[13-7-4]",
]


class FPN(_solution.FPN):
    def forward(self, features):
        maps = list(features)
        inner = self.inner_blocks[-1](maps[-1])
        results = [self.layer_blocks[-1](inner)]
        for i in range(len(maps) - 2, -1, -1):
            lateral = self.inner_blocks[i](maps[i])
            inner = lateral + F.interpolate(inner, size=lateral.shape[-2:], mode="bilinear", align_corners=False)
            results.append(self.layer_blocks[i](inner))
        return results[::-1]
