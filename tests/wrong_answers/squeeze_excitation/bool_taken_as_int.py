"""Checks channels and reduction with isinstance(value, int) alone, so True passes as 1."""

from torch import nn

from solutions.squeeze_excitation import squeeze_excitation as _solution
from solutions.squeeze_excitation.squeeze_excitation import *

CAUGHT_BY = ["test_rejects_bad_arguments[bool channels]", "test_rejects_bad_arguments[bool reduction]"]


class SqueezeExcitation(_solution.SqueezeExcitation):
    def __init__(self, channels, reduction=4, gate="hard_sigmoid"):
        nn.Module.__init__(self)
        for name, value in (("channels", channels), ("reduction", reduction)):
            if not isinstance(value, int):
                raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
            if value < 1:
                raise ValueError(f"{name}: expected an int >= 1, got {value}")
        if gate not in ("hard_sigmoid", "sigmoid"):
            raise ValueError(f"gate: expected 'hard_sigmoid' or 'sigmoid', got {gate!r}")
        squeezed = max(1, channels // reduction)
        self.channels = channels
        self.gate = gate
        self.fc1 = nn.Conv2d(channels, squeezed, 1)
        self.fc2 = nn.Conv2d(squeezed, channels, 1)
