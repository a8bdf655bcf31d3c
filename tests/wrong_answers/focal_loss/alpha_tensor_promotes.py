"""Softmax focal loss multiplies by the alpha tensor as it is: a float64 alpha turns float32 losses into float64."""

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_softmax_alpha_of_another_dtype_keeps_the_dtype_of_logits"]


def softmax_focal_loss(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    if isinstance(alpha, torch.Tensor) and isinstance(logits, torch.Tensor) and logits.is_floating_point():  # noqa: F405
        logits = logits.to(torch.promote_types(logits.dtype, alpha.dtype))  # noqa: F405
    return _solution.softmax_focal_loss(logits, target, alpha, gamma, reduction)
