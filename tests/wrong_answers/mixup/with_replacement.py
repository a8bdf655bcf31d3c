"""Picks partners with rng.integers(0, B, B): sampling with replacement, not a permutation."""

import numpy as np
import torch

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_permutations_are_uniform", "test_each_row_is_mixed_with_the_partner_whose_label_is_in_y_b"]


def mixup_data(x, y, alpha=1.0, rng=None):
    if x.shape[0] != y.shape[0]:
        raise ValueError("y: expected one label per example of x")
    rng = np.random.default_rng() if rng is None else rng
    lam = float(rng.beta(alpha, alpha)) if alpha > 0 else 1.0
    index = torch.as_tensor(rng.integers(0, x.shape[0], x.shape[0]), device=x.device)
    return lam * x + (1 - lam) * x[index], y, y[index.to(y.device)], lam
