"""AdamW that shrinks the weight after the Adam update instead of before it."""

import math

import torch

from solutions.adamw.adamw import *
from solutions.adamw.adamw import AdamL2 as _RightL2
from solutions.adamw.adamw import AdamW as _RightW

CAUGHT_BY = [
    "test_adamw_follows_torch_adamw_for_50_steps",
    "test_each_param_group_uses_its_own_lr_and_weight_decay[AdamW]",
]


def _step(opt, decoupled):
    for group in opt.param_groups:
        lr, (beta1, beta2), eps, wd = group["lr"], group["betas"], group["eps"], group["weight_decay"]
        for p in group["params"]:
            if p.grad is None:
                continue
            state = opt.state[p]
            if not state:
                state["step"] = 0
                state["exp_avg"] = torch.zeros_like(p)
                state["exp_avg_sq"] = torch.zeros_like(p)
            state["step"] += 1
            t = state["step"]
            grad = p.grad
            if not decoupled:
                grad = grad + wd * p
            m, v = state["exp_avg"], state["exp_avg_sq"]
            m.mul_(beta1).add_(grad, alpha=1 - beta1)
            v.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            denom = v.sqrt() / math.sqrt(1 - beta2**t) + eps
            p.addcdiv_(m, denom, value=-lr / (1 - beta1**t))
            if decoupled:
                p.mul_(1 - lr * wd)


class AdamW(_RightW):
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _step(self, decoupled=True)
        return loss


class AdamL2(_RightL2):
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _step(self, decoupled=False)
        return loss
