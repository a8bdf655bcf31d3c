"""Refuses the bounds themselves (lr = 0, eps = 0, a beta of 0) with strict inequalities."""

import torch

from solutions.adamw.adamw import *  # noqa: F403 - the rest is right
from solutions.adamw.adamw import _adam_step, _check_hyperparameters

CAUGHT_BY = ["test_accepts_hyperparameters_on_the_bounds"]


def _strict(lr, betas, eps, weight_decay):
    _check_hyperparameters(lr, betas, eps, weight_decay)
    if not lr > 0 or not eps > 0 or not all(0 < b < 1 for b in betas):
        raise ValueError(f"lr, eps, betas: expected lr > 0, eps > 0, 0 < beta < 1, got {lr}, {eps}, {betas}")


class AdamW(AdamW):  # noqa: F405
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        _strict(lr, betas, eps, weight_decay)
        super().__init__(params, lr, betas, eps, weight_decay)


class AdamL2(AdamL2):  # noqa: F405
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        _strict(lr, betas, eps, weight_decay)
        super().__init__(params, lr, betas, eps, weight_decay)


_ = (torch, _adam_step)
