"""Keeps the learning rate given to the constructor instead of reading group["lr"] at every step."""

import math

import torch

from solutions.adamw.adamw import *
from solutions.adamw.adamw import AdamL2 as _RightL2
from solutions.adamw.adamw import AdamW as _RightW

CAUGHT_BY = [
    "test_learning_rate_changed_by_a_scheduler_takes_effect",
    "test_each_param_group_uses_its_own_lr_and_weight_decay",
]


def _step(opt, decoupled):
    for group in opt.param_groups:
        (beta1, beta2), eps, wd = group["betas"], group["eps"], group["weight_decay"]
        lr = opt.initial_lr
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
            if decoupled:
                p.mul_(1 - lr * wd)
            else:
                grad = grad + wd * p
            m, v = state["exp_avg"], state["exp_avg_sq"]
            m.mul_(beta1).add_(grad, alpha=1 - beta1)
            v.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            p.addcdiv_(m, v.sqrt() / math.sqrt(1 - beta2**t) + eps, value=-lr / (1 - beta1**t))


class AdamW(_RightW):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        super().__init__(params, lr, betas, eps, weight_decay)
        self.initial_lr = lr

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _step(self, decoupled=True)
        return loss


class AdamL2(_RightL2):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        super().__init__(params, lr, betas, eps, weight_decay)
        self.initial_lr = lr

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _step(self, decoupled=False)
        return loss
