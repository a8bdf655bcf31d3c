"""Right trajectories, but each step calls torch._fused_adamw_ / torch._fused_adam_, torch's fused kernels."""

import torch

from solutions.adamw.adamw import *  # noqa: F403 - the rest is right
from solutions.adamw.adamw import _adam_step, _check_hyperparameters

CAUGHT_BY = ["test_step_is_written_by_hand"]


def _fused_step(optimizer, decoupled):
    kernel = torch._fused_adamw_ if decoupled else torch._fused_adam_
    for group in optimizer.param_groups:
        (beta1, beta2) = group["betas"]
        for p in group["params"]:
            if p.grad is None:
                continue
            state = optimizer.state[p]
            if not state:
                state.update(step=torch.tensor(0.0), exp_avg=torch.zeros_like(p), exp_avg_sq=torch.zeros_like(p))
            state["step"] += 1
            step = state["step"].to(p.dtype)
            kernel([p], [p.grad.clone()], [state["exp_avg"]], [state["exp_avg_sq"]], [], [step], lr=group["lr"],
                   beta1=beta1, beta2=beta2, weight_decay=group["weight_decay"], eps=group["eps"], amsgrad=False,
                   maximize=False)  # fmt: skip


class AdamW(AdamW):  # noqa: F405
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _fused_step(self, decoupled=True)
        return loss


class AdamL2(AdamL2):  # noqa: F405
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _fused_step(self, decoupled=False)
        return loss


_ = (_adam_step, _check_hyperparameters)
