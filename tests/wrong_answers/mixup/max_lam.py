"""Keeps lam = max(lam, 1 - lam) so that each row stays closer to its own example: lam is no longer Beta(alpha, alpha)."""

import numpy as np
import torch

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_lam_follows_the_beta_distribution", "test_reproduces_the_documented_draws_from_rng"]


def mixup_data(x, y, alpha=1.0, rng=None):
    if x.shape[0] != y.shape[0]:
        raise ValueError("y: expected one label per example of x")
    rng = np.random.default_rng() if rng is None else rng
    lam = float(rng.beta(alpha, alpha)) if alpha > 0 else 1.0
    lam = max(lam, 1 - lam)
    index = torch.as_tensor(rng.permutation(x.shape[0]), device=x.device)
    return lam * x + (1 - lam) * x[index], y, y[index.to(y.device)], lam
