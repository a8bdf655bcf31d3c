"""batch_norm_train checks the running statistics' shapes but not x's dtype, nor weight's and bias's shapes."""

import torch

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_batch_norm_rejects_integer_input",
    "test_batch_norm_rejects_bad_shapes[weight of the wrong size]",
    "test_batch_norm_rejects_bad_shapes[bias of the wrong shape]",
]


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    if x.dim() < 2:
        raise ValueError(f"x: expected [N, C, ...], got {list(x.shape)}")
    C = x.shape[1]
    n = x.numel() // C
    if n <= 1:
        raise ValueError(f"x: expected more than 1 value per channel, got {list(x.shape)}")
    for name, t in (("running_mean", running_mean), ("running_var", running_var)):
        if t is not None and tuple(t.shape) != (C,):
            raise ValueError(f"{name}: expected shape [{C}], got {list(t.shape)}")
    dims = (0, *range(2, x.dim()))
    view = (1, C) + (1,) * (x.dim() - 2)
    mean, var = x.mean(dim=dims), x.var(dim=dims, correction=0)
    with torch.no_grad():
        if running_mean is not None:
            running_mean.mul_(1 - momentum).add_(mean.detach(), alpha=momentum)
        if running_var is not None:
            running_var.mul_(1 - momentum).add_(var.detach() * n / (n - 1), alpha=momentum)
    out = (x - mean.view(view)) * torch.rsqrt(var.view(view) + eps)
    out = out if weight is None else out * weight.reshape(view)
    return out if bias is None else out + bias.reshape(view)
