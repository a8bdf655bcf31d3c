"""Checks beta1 only: beta2 = 1 (v never forgets, the bias correction divides by 0) is accepted."""

import torch

from solutions.adamw.adamw import *  # noqa: F403 - the rest is right
from solutions.adamw.adamw import _adam_step

CAUGHT_BY = ["test_rejects_invalid_hyperparameters[beta2 = 1-AdamW]"]


def _check(lr, betas, eps, weight_decay):
    if lr < 0:
        raise ValueError(f"lr: expected >= 0, got {lr}")
    if not 0 <= betas[0] < 1:
        raise ValueError(f"betas: expected beta1 in [0, 1), got {betas}")
    if eps < 0:
        raise ValueError(f"eps: expected >= 0, got {eps}")
    if weight_decay < 0:
        raise ValueError(f"weight_decay: expected >= 0, got {weight_decay}")


class AdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        _check(lr, betas, eps, weight_decay)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay})

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _adam_step(self, decoupled=True)
        return loss
