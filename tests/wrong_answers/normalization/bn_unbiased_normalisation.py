"""Batch norm normalising the batch with the unbiased variance (n - 1), as torch.var does by default."""

import torch

from solutions.normalization.normalization import *

CAUGHT_BY = ["test_batch_norm_output_matches_torch", "test_batch_norm_normalises_with_the_biased_variance"]


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    dims = (0, *range(2, x.dim()))
    view = (1, x.shape[1]) + (1,) * (x.dim() - 2)
    mean, var = x.mean(dim=dims), x.var(dim=dims)
    with torch.no_grad():
        if running_mean is not None:
            running_mean.mul_(1 - momentum).add_(momentum * mean)
        if running_var is not None:
            running_var.mul_(1 - momentum).add_(momentum * var)
    out = (x - mean.view(view)) / torch.sqrt(var.view(view) + eps)
    if weight is not None:
        out = out * weight.view(view)
    if bias is not None:
        out = out + bias.view(view)
    return out
