"""fc1 straight into fc2, with no ReLU in between."""

import torch
import torch.nn.functional as F

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = ["test_relu_between_fc1_and_fc2", "test_same_outputs_as_torchvision_with_the_same_weights[8-r4-sigmoid]"]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        s = self.fc2(self.fc1(x.mean(dim=(2, 3), keepdim=True)))
        s = F.hardsigmoid(s) if self.gate == "hard_sigmoid" else torch.sigmoid(s)
        return x * s
