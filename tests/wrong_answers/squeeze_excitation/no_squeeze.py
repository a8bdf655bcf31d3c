"""Skips the squeeze: fc1/fc2 run on every pixel, so each position gets its own gate."""

import torch
import torch.nn.functional as F

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = [
    "test_one_gate_per_channel_shared_by_all_its_positions[hard_sigmoid]",
    "test_one_gate_per_channel_shared_by_all_its_positions[sigmoid]",
    "test_squeeze_is_the_average_over_height_and_width",
]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        s = self.fc2(F.relu(self.fc1(x)))
        s = F.hardsigmoid(s) if self.gate == "hard_sigmoid" else torch.sigmoid(s)
        return x * s
