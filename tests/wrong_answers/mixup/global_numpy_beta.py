"""Draws lam from the global np.random.beta (as the notes do) instead of the generator it was given."""

import numpy as np
import torch

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_reproduces_the_documented_draws_from_rng"]


def mixup_data(x, y, alpha=1.0, rng=None):
    if x.shape[0] != y.shape[0]:
        raise ValueError("y: expected one label per example of x")
    rng = np.random.default_rng() if rng is None else rng
    lam = float(np.random.beta(alpha, alpha)) if alpha > 0 else 1.0
    index = torch.as_tensor(rng.permutation(x.shape[0]), device=x.device)
    return lam * x + (1 - lam) * x[index], y, y[index.to(y.device)], lam
