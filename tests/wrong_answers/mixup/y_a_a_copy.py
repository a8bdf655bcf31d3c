"""Returns a clone of y as y_a instead of y itself, as the notes' y_a, y_b = y, y[index] does."""

from solutions.mixup import mixup as _solution
from solutions.mixup.mixup import *

CAUGHT_BY = ["test_y_a_is_y_itself"]


def mixup_data(x, y, alpha=1.0, rng=None):
    mixed, y_a, y_b, lam = _solution.mixup_data(x, y, alpha, rng)
    return mixed, y_a.clone(), y_b, lam
