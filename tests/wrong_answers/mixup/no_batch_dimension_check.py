"""Never checks that x has a batch dimension: a 0-d x fails on x.shape[0] with an IndexError."""

import numpy as np
import torch

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_rejects_x_without_a_batch_dimension"]


def mixup_data(x, y, alpha=1.0, rng=None):
    if not isinstance(x, torch.Tensor) or not x.is_floating_point():
        raise TypeError("x: expected a floating-point tensor")
    if not isinstance(y, torch.Tensor):
        raise TypeError("y: expected a tensor")
    if not isinstance(rng, (np.random.Generator, type(None))):
        raise TypeError("rng: expected a numpy.random.Generator")
    if y.shape[0] != x.shape[0]:
        raise ValueError(f"y: expected {x.shape[0]} labels, got {y.shape[0]}")
    rng = np.random.default_rng() if rng is None else rng
    lam = float(rng.beta(alpha, alpha)) if alpha > 0 else 1.0
    index = torch.as_tensor(rng.permutation(x.shape[0]), device=x.device)
    return lam * x + (1 - lam) * x[index], y, y[index.to(y.device)], lam
