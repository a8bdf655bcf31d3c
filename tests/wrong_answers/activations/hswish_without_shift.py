"""h-swish written as x * relu6(x) / 6, forgetting the + 3 inside the ReLU6."""

from solutions.activations.activations import *
from solutions.activations.activations import _check_x

CAUGHT_BY = [
    "test_matches_builtin_with_default_arguments[float32-hard_swish]",
    "test_matches_builtin_with_default_arguments[float64-hard_swish]",
    "test_hard_swish_at_hand_worked_points",
    "test_gradient_matches_builtin_away_from_kinks[hard_swish]",
]


def hard_swish(x):
    _check_x(x)
    return x * x.clamp(min=0, max=6) / 6
