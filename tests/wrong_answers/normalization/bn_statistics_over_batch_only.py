"""Batch norm averaging over dimension 0 only: every pixel of every channel gets its own statistics."""

import torch

from solutions.normalization.normalization import *

CAUGHT_BY = [
    "test_batch_norm_output_matches_torch[[N, C, L]-float32]",
    "test_batch_norm_output_matches_torch[[N, C, H, W]-float64]",
    "test_batch_norm_updates_running_stats_with_unbiased_variance[[N, C, H, W]-float64]",
]


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    view = (1, x.shape[1]) + (1,) * (x.dim() - 2)
    n = x.shape[0]
    mean, var = x.mean(dim=0, keepdim=True), x.var(dim=0, keepdim=True, correction=0)
    with torch.no_grad():
        # the running stats get the per-channel average of the per-position statistics
        flat_mean = mean.reshape(x.shape[1], -1).mean(dim=1)
        flat_var = var.reshape(x.shape[1], -1).mean(dim=1) * n / (n - 1)
        if running_mean is not None:
            running_mean.mul_(1 - momentum).add_(momentum * flat_mean)
        if running_var is not None:
            running_var.mul_(1 - momentum).add_(momentum * flat_var)
    out = (x - mean) / torch.sqrt(var + eps)
    if weight is not None:
        out = out * weight.view(view)
    if bias is not None:
        out = out + bias.view(view)
    return out
