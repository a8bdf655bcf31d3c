"""Adds the shortcut whenever in_channels == out_channels, forgetting that stride 2 changes the size."""

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = [
    "test_residual_exactly_when_stride_1_and_channels_match[8-8 s2]",
    "test_output_shape[s2 even t1]",
    "test_same_outputs_as_torchvision_in_eval_mode[float64-4-4 s2 t6]",
]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        self.use_residual = in_channels == out_channels
