"""Checks that channels is an int but not reduction: a float reduction fails later, inside nn.Conv2d."""

from torch import nn

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = ["test_rejects_bad_arguments[float reduction]"]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def __init__(self, channels, reduction=4, gate="hard_sigmoid"):
        nn.Module.__init__(self)
        if isinstance(channels, bool) or not isinstance(channels, int):
            raise TypeError(f"channels: expected an int, got {type(channels).__name__}")
        for name, value in (("channels", channels), ("reduction", reduction)):
            if value < 1:
                raise ValueError(f"{name}: expected an int >= 1, got {value}")
        if gate not in ("hard_sigmoid", "sigmoid"):
            raise ValueError(f"gate: expected 'hard_sigmoid' or 'sigmoid', got {gate!r}")
        squeezed = max(1, channels // reduction)
        self.channels = channels
        self.gate = gate
        self.fc1 = nn.Conv2d(channels, squeezed, 1)
        self.fc2 = nn.Conv2d(squeezed, channels, 1)
