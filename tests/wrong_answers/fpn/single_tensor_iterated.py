"""Takes list(features) of anything that is not a dict, so a single tensor is split along its batch axis."""

import torch
import torch.nn.functional as F

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = ["test_rejects_features_that_are_not_tensors[a single tensor]"]


class FPN(_solution.FPN):
    def forward(self, features):
        if isinstance(features, dict):
            return super().forward(features)
        maps = list(features)
        if len(maps) != len(self.inner_blocks):
            raise ValueError(f"features: expected {len(self.inner_blocks)} maps, got {len(maps)}")
        for i, (x, c) in enumerate(zip(maps, self.in_channels_list, strict=True)):
            if not isinstance(x, torch.Tensor):
                raise TypeError(f"features[{i}]: expected a tensor, got {type(x).__name__}")
            if x.dim() != 4 or x.shape[1] != c:
                raise ValueError(f"features[{i}]: expected shape [N, {c}, H, W], got {list(x.shape)}")
        inner = self.inner_blocks[-1](maps[-1])
        results = [self.layer_blocks[-1](inner)]
        for i in range(len(maps) - 2, -1, -1):
            lateral = self.inner_blocks[i](maps[i])
            inner = lateral + F.interpolate(inner, size=lateral.shape[-2:], mode="nearest")
            results.append(self.layer_blocks[i](inner))
        return results[::-1]
