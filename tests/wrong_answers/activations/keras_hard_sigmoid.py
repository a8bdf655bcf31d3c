"""hard_sigmoid as Keras's old clamp(0.2 x + 0.5, 0, 1) instead of relu6(x + 3) / 6."""

from solutions.activations.activations import *
from solutions.activations.activations import _check_x

CAUGHT_BY = [
    "test_matches_builtin_with_default_arguments[float32-hard_sigmoid]",
    "test_hard_sigmoid_at_hand_worked_points",
    "test_gradient_matches_builtin_away_from_kinks[hard_sigmoid]",
]


def hard_sigmoid(x):
    _check_x(x)
    return (0.2 * x + 0.5).clamp(min=0, max=1)
