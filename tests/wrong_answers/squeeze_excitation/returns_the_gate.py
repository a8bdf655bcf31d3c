"""Returns the channel weights [N, C, 1, 1] instead of the rescaled input."""

import torch
import torch.nn.functional as F

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = ["test_output_has_the_input_shape_and_dtype[3x8]", "test_output_matches_reference_from_its_own_weights"]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        s = self.fc2(F.relu(self.fc1(x.mean(dim=(2, 3), keepdim=True))))
        return F.hardsigmoid(s) if self.gate == "hard_sigmoid" else torch.sigmoid(s)
