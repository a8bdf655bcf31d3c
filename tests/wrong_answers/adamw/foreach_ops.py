"""Right trajectories, but the update is written with torch._foreach_* ops, which the exercise rules out."""

import math

import torch

from solutions.adamw.adamw import *  # noqa: F403 - the rest is right
from solutions.adamw.adamw import _adam_step, _check_hyperparameters

CAUGHT_BY = ["test_step_is_written_by_hand"]


def _foreach_step(optimizer, decoupled):
    for group in optimizer.param_groups:
        lr, (beta1, beta2), eps, wd = group["lr"], group["betas"], group["eps"], group["weight_decay"]
        for p in group["params"]:
            if p.grad is None:
                continue
            state = optimizer.state[p]
            if not state:
                state.update(step=torch.tensor(0.0), exp_avg=torch.zeros_like(p), exp_avg_sq=torch.zeros_like(p))
            state["step"] += 1
            t, grad = state["step"].item(), p.grad
            if wd and decoupled:
                torch._foreach_mul_([p], 1 - lr * wd)
            elif wd:
                (grad,) = torch._foreach_add([grad], [p], alpha=wd)
            torch._foreach_lerp_([state["exp_avg"]], [grad], 1 - beta1)
            torch._foreach_mul_([state["exp_avg_sq"]], beta2)
            torch._foreach_addcmul_([state["exp_avg_sq"]], [grad], [grad], value=1 - beta2)
            (denom,) = torch._foreach_sqrt([state["exp_avg_sq"]])
            torch._foreach_div_([denom], math.sqrt(1 - beta2**t))
            torch._foreach_add_([denom], eps)
            torch._foreach_addcdiv_([p], [state["exp_avg"]], [denom], value=-lr / (1 - beta1**t))


class AdamW(AdamW):  # noqa: F405
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _foreach_step(self, decoupled=True)
        return loss


class AdamL2(AdamL2):  # noqa: F405
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _foreach_step(self, decoupled=False)
        return loss


_ = (_adam_step, _check_hyperparameters)
