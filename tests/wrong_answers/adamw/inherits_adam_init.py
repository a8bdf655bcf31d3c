"""AdamL2 writes its step by hand but inherits torch.optim.Adam's __init__ (and so subclasses it)."""

import torch

from solutions.adamw.adamw import *  # noqa: F403 - the rest is right
from solutions.adamw.adamw import _adam_step, _check_hyperparameters

CAUGHT_BY = ["test_step_is_written_by_hand[AdamL2]"]


class AdamL2(torch.optim.Adam):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, foreach=False)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _adam_step(self, decoupled=False)
        return loss


_ = _check_hyperparameters
