"""Stride 2 concatenates the main branch before the shortcut, so the shortcut lands on the odd channels."""

import torch

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = [
    "test_stride_2_output_interleaves_shortcut_and_main_branch",
    "test_same_outputs_as_torchvision_in_eval_mode[float64-6-10 s2]",
    "test_same_outputs_as_torchvision_in_training_mode[3-4 s2]",
]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def forward(self, x):
        if self.stride == 1:
            return super().forward(x)
        out = torch.cat((self.main(x), self.shortcut(x)), dim=1)
        n, c, h, w = out.shape
        return out.view(n, 2, c // 2, h, w).transpose(1, 2).reshape(n, c, h, w)
