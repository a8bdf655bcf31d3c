"""Scales with x.mul_(gate): right values, but the caller's tensor is overwritten."""

import torch
import torch.nn.functional as F

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = ["test_leaves_input_unchanged"]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        s = self.fc2(F.relu(self.fc1(x.mean(dim=(2, 3), keepdim=True))))
        s = F.hardsigmoid(s) if self.gate == "hard_sigmoid" else torch.sigmoid(s)
        return x.mul_(s)
