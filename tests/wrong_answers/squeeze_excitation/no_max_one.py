"""Squeeze channels channels // reduction without max(1, ...): 0 channels when channels < reduction."""

from torch import nn

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = [
    "test_fc1_and_fc2_are_1x1_convs_through_max_1_channels_over_reduction[3-r4]",
    "test_parameter_count_matches_torchvision[3-r4]",
]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def __init__(self, channels, reduction=4, gate="hard_sigmoid"):
        super().__init__(channels, reduction, gate)
        self.fc1 = nn.Conv2d(channels, channels // reduction, 1)
        self.fc2 = nn.Conv2d(channels // reduction, channels, 1)
