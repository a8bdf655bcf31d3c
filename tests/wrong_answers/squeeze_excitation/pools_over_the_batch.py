"""Averages over the batch as well as H and W, so one sample's content gates the others."""

import torch
import torch.nn.functional as F

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = ["test_samples_are_gated_independently", "test_output_matches_reference_from_its_own_weights"]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        s = self.fc2(F.relu(self.fc1(x.mean(dim=(0, 2, 3), keepdim=True))))
        s = F.hardsigmoid(s) if self.gate == "hard_sigmoid" else torch.sigmoid(s)
        return x * s
