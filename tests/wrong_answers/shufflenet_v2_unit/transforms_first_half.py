"""Stride 1 sends the first half through the branch and passes the second half: the wrong half is kept."""

import torch

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = [
    "test_stride_1_passes_first_half_unchanged_to_even_channels",
    "test_stride_1_main_branch_sees_only_the_second_half",
    "test_same_outputs_as_torchvision_in_eval_mode[float64-6-6 s1]",
]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def forward(self, x):
        if self.stride == 1:
            left, right = x.chunk(2, dim=1)
            out = torch.cat((right, self.main(left)), dim=1)
        else:
            out = torch.cat((self.shortcut(x), self.main(x)), dim=1)
        n, c, h, w = out.shape
        return out.view(n, 2, c // 2, h, w).transpose(1, 2).reshape(n, c, h, w)
