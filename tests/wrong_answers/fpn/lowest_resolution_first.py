"""Returns the pyramid in the order it was built, coarsest level first, instead of the inputs' order."""

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = [
    "test_outputs_have_input_sizes_highest_resolution_first[odd]",
    "test_same_outputs_as_torchvision[float64-3-5-7->3]",
]


class FPN(_solution.FPN):
    def forward(self, features):
        out = super().forward(features)
        if isinstance(out, dict):
            return dict(zip(out, reversed(list(out.values())), strict=True))
        return out[::-1]
