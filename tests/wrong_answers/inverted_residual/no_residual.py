"""Never adds the shortcut: a plain bottleneck without the residual connection."""

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = [
    "test_residual_exactly_when_stride_1_and_channels_match[8-8 s1 t6]",
    "test_residual_exactly_when_stride_1_and_channels_match[8-8 s1 t1]",
    "test_same_outputs_as_torchvision_in_eval_mode[float64-4-4 s1 t6]",
]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        self.use_residual = False
