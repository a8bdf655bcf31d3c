"""Squeezes with the maximum over H and W instead of the average."""

import torch
import torch.nn.functional as F

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = [
    "test_squeeze_is_the_average_over_height_and_width",
    "test_output_matches_reference_from_its_own_weights",
    "test_same_outputs_as_torchvision_with_the_same_weights",
]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        s = self.fc2(F.relu(self.fc1(x.amax(dim=(2, 3), keepdim=True))))
        s = F.hardsigmoid(s) if self.gate == "hard_sigmoid" else torch.sigmoid(s)
        return x * s
