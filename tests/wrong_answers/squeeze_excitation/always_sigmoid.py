"""Ignores the gate option and always uses the sigmoid."""

import torch

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = [
    "test_output_matches_reference_from_its_own_weights[float64-hard_sigmoid]",
    "test_same_outputs_as_torchvision_with_the_same_weights[12-r3-hard_sigmoid]",
    "test_gate_value_worked_by_hand[hard 1.5]",
    "test_defaults_are_reduction_4_and_hard_sigmoid",
]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        s = self.fc2(torch.relu(self.fc1(x.mean(dim=(2, 3), keepdim=True))))
        return x * torch.sigmoid(s)
