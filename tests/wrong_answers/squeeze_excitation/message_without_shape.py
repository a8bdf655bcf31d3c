"""The error for an input with the wrong channels names x but not the shape that came."""

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = ["test_rejects_input_with_the_wrong_channel_count"]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def forward(self, x):
        if x.dim() != 4 or x.shape[1] != self.channels:
            raise ValueError(f"x: expected a 4-D tensor with {self.channels} channels")
        return super().forward(x)
