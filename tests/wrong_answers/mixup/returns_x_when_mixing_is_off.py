"""Returns x itself as mixed_x when alpha <= 0 (lam = 1) instead of a new tensor: writes to it reach the caller."""

import numpy as np

from solutions.mixup import mixup as _solution
from solutions.mixup.mixup import *

CAUGHT_BY = ["test_mixed_x_is_a_new_tensor_even_when_lam_is_one[0.0]"]


def mixup_data(x, y, alpha=1.0, rng=None):
    if alpha > 0:
        return _solution.mixup_data(x, y, alpha, rng)
    rng = np.random.default_rng() if rng is None else rng
    _, y_a, y_b, lam = _solution.mixup_data(x, y, alpha, rng)
    return x, y_a, y_b, lam
