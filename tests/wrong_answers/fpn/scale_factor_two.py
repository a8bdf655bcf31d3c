"""Upsamples the top-down path with scale_factor=2: right on even sizes, a shape error on 13 -> 7 -> 4."""

import torch.nn.functional as F

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = [
    "test_same_outputs_as_torchvision[float64-3-5-7->3]",
    "test_top_down_upsamples_nearest_to_the_exact_lateral_size[13-7-4]",
    "test_top_down_upsamples_nearest_to_the_exact_lateral_size[ratio 3]",
    "test_outputs_have_input_sizes_highest_resolution_first[odd]",
]


class FPN(_solution.FPN):
    def forward(self, features):
        maps = list(features)
        inner = self.inner_blocks[-1](maps[-1])
        results = [self.layer_blocks[-1](inner)]
        for i in range(len(maps) - 2, -1, -1):
            lateral = self.inner_blocks[i](maps[i])
            inner = lateral + F.interpolate(inner, scale_factor=2, mode="nearest")
            results.append(self.layer_blocks[i](inner))
        return results[::-1]
