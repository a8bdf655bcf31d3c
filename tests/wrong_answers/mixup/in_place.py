"""Mixes in place (x.mul_(lam).add_(...)): the caller's batch is overwritten."""

import numpy as np
import torch

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_leaves_x_and_y_unchanged"]


def mixup_data(x, y, alpha=1.0, rng=None):
    if x.shape[0] != y.shape[0]:
        raise ValueError("y: expected one label per example of x")
    rng = np.random.default_rng() if rng is None else rng
    lam = float(rng.beta(alpha, alpha)) if alpha > 0 else 1.0
    index = torch.as_tensor(rng.permutation(x.shape[0]), device=x.device)
    partner = x[index]
    return x.mul_(lam).add_(partner, alpha=1 - lam), y, y[index.to(y.device)], lam
