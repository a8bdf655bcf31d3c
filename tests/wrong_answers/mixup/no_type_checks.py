"""Checks no argument types: integer x, a list y or a legacy RandomState rng are used as they come."""

import numpy as np
import torch

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_rejects_arguments_of_the_wrong_type"]


def mixup_data(x, y, alpha=1.0, rng=None):
    if x.dim() == 0:
        raise ValueError("x: expected a batch [B, ...], got a 0-d tensor")
    if len(y) != x.shape[0]:
        raise ValueError(f"y: expected {x.shape[0]} labels, got {len(y)}")
    rng = np.random.default_rng() if rng is None else rng
    lam = float(rng.beta(alpha, alpha)) if alpha > 0 else 1.0
    index = torch.as_tensor(rng.permutation(x.shape[0]), device=x.device)
    return lam * x + (1 - lam) * x[index], y, y[index], lam
