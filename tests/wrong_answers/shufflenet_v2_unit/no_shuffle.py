"""Concatenates the two branches but never shuffles the channels: the halves never mix in the next unit."""

import torch

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = [
    "test_stride_1_passes_first_half_unchanged_to_even_channels",
    "test_stride_1_output_interleaves_untouched_half_and_main_branch",
    "test_stride_2_output_interleaves_shortcut_and_main_branch",
    "test_same_outputs_as_torchvision_in_eval_mode[float64-8-8 s1]",
]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def forward(self, x):
        if self.stride == 1:
            left, right = x.chunk(2, dim=1)
            return torch.cat((left, self.main(right)), dim=1)
        return torch.cat((self.shortcut(x), self.main(x)), dim=1)
