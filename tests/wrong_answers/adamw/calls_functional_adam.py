"""Right trajectories, but each step hands its own state to the functional torch.optim.adam.adam."""

import torch
from torch.optim.adam import adam

from solutions.adamw.adamw import *  # noqa: F403 - the rest is right
from solutions.adamw.adamw import _adam_step, _check_hyperparameters

CAUGHT_BY = ["test_step_is_written_by_hand"]


def _functional_step(optimizer, decoupled):
    for group in optimizer.param_groups:
        (beta1, beta2) = group["betas"]
        params, grads, m, v, steps = [], [], [], [], []
        for p in group["params"]:
            if p.grad is None:
                continue
            state = optimizer.state[p]
            if not state:
                state.update(step=torch.tensor(0.0), exp_avg=torch.zeros_like(p), exp_avg_sq=torch.zeros_like(p))
            params.append(p)
            grads.append(p.grad)
            m.append(state["exp_avg"])
            v.append(state["exp_avg_sq"])
            steps.append(state["step"])
        adam(params, grads, m, v, [], steps, foreach=False, amsgrad=False, beta1=beta1, beta2=beta2,
             lr=group["lr"], weight_decay=group["weight_decay"], eps=group["eps"], maximize=False,
             decoupled_weight_decay=decoupled)  # fmt: skip


class AdamW(AdamW):  # noqa: F405
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _functional_step(self, decoupled=True)
        return loss


class AdamL2(AdamL2):  # noqa: F405
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _functional_step(self, decoupled=False)
        return loss


_ = (_adam_step, _check_hyperparameters)
