"""Right trajectories, but each optimizer holds a torch.optim.AdamW / Adam on its parameters and calls its step."""

import torch

from solutions.adamw.adamw import *  # noqa: F403 - the rest is right
from solutions.adamw.adamw import _adam_step, _check_hyperparameters

CAUGHT_BY = ["test_step_is_written_by_hand"]


class AdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        _check_hyperparameters(lr, betas, eps, weight_decay)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay})
        self._inner = torch.optim.AdamW(self.param_groups, foreach=False)

    @torch.no_grad()
    def step(self, closure=None):
        return self._inner.step(closure)


class AdamL2(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        _check_hyperparameters(lr, betas, eps, weight_decay)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay})
        self._inner = torch.optim.Adam(self.param_groups, foreach=False)

    @torch.no_grad()
    def step(self, closure=None):
        return self._inner.step(closure)
