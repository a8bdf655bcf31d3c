"""The top-down path carries each level's smoothed output (after the 3x3 conv) instead of the raw sum."""

import torch.nn.functional as F

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = [
    "test_same_outputs_as_torchvision[float64-4-6->3]",
    "test_top_down_path_carries_the_sums_not_the_smoothed_outputs",
]


class FPN(_solution.FPN):
    def forward(self, features):
        maps = list(features)
        out = self.layer_blocks[-1](self.inner_blocks[-1](maps[-1]))
        results = [out]
        for i in range(len(maps) - 2, -1, -1):
            lateral = self.inner_blocks[i](maps[i])
            out = self.layer_blocks[i](lateral + F.interpolate(out, size=lateral.shape[-2:], mode="nearest"))
            results.append(out)
        return results[::-1]
