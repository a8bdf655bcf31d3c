"""Plain ReLU in the expansion and depthwise stages instead of ReLU6 (no clip at 6)."""

from torch import nn

from solutions.inverted_residual import inverted_residual as _solution
from solutions.inverted_residual.inverted_residual import *

CAUGHT_BY = ["test_same_outputs_as_torchvision_in_eval_mode", "test_same_outputs_as_torchvision_in_training_mode"]


class InvertedResidual(_solution.InvertedResidual):
    def __init__(self, in_channels, out_channels, stride, expand_ratio):
        super().__init__(in_channels, out_channels, stride, expand_ratio)
        for i, layer in enumerate(self.conv):
            if isinstance(layer, nn.ReLU6):
                self.conv[i] = nn.ReLU(inplace=True)
