"""Projects 4C -> 2C first and normalises afterwards (LayerNorm(2C), the Swin V2 order), not LayerNorm(4C) first."""

import torch
from torch import nn

from solutions.swin_windows.swin_windows import *

CAUGHT_BY = [
    "test_patch_merging_has_layer_norm_of_4c_then_linear_to_2c_without_bias",
    "test_patch_merging_concatenates_in_the_reference_order",
]


class PatchMerging(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim
        self.reduction = nn.Linear(4 * dim, 2 * dim, bias=False)
        self.norm = nn.LayerNorm(2 * dim)

    def forward(self, x):
        if x.shape[1] % 2 or x.shape[2] % 2:
            raise ValueError("x: H and W must be even")
        parts = [x[:, 0::2, 0::2], x[:, 1::2, 0::2], x[:, 0::2, 1::2], x[:, 1::2, 1::2]]
        return self.norm(self.reduction(torch.cat(parts, dim=-1)))
