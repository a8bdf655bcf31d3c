"""Batch norm with the momentum the Keras way round: running = momentum * running + (1 - momentum) * batch."""

import torch

from solutions.normalization.normalization import *

CAUGHT_BY = [
    "test_batch_norm_updates_running_stats_with_unbiased_variance",
    "test_batch_norm_uses_momentum_0_1_by_default",
]


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    dims = (0, *range(2, x.dim()))
    view = (1, x.shape[1]) + (1,) * (x.dim() - 2)
    n = x.numel() // x.shape[1]
    mean, var = x.mean(dim=dims), x.var(dim=dims, correction=0)
    with torch.no_grad():
        if running_mean is not None:
            running_mean.mul_(momentum).add_((1 - momentum) * mean)
        if running_var is not None:
            running_var.mul_(momentum).add_((1 - momentum) * var * n / (n - 1))
    out = (x - mean.view(view)) / torch.sqrt(var.view(view) + eps)
    if weight is not None:
        out = out * weight.view(view)
    if bias is not None:
        out = out + bias.view(view)
    return out
