"""Right trajectories, but AdamW and AdamL2 just subclass torch.optim.AdamW and torch.optim.Adam."""

import torch

from solutions.adamw.adamw import *

CAUGHT_BY = ["test_step_is_written_by_hand"]


class AdamW(torch.optim.AdamW):
    pass


class AdamL2(torch.optim.Adam):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
