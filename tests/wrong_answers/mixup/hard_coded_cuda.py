"""Keeps the notes' index.cuda(): fails on a machine (or a tensor) without CUDA."""

import numpy as np
import torch

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_reproduces_the_documented_draws_from_rng", "test_keeps_the_device_of_x"]


def mixup_data(x, y, alpha=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    lam = float(rng.beta(alpha, alpha)) if alpha > 0 else 1.0
    index = torch.as_tensor(rng.permutation(x.shape[0])).cuda()
    return lam * x + (1 - lam) * x[index], y, y[index], lam
