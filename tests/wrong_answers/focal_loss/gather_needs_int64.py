"""Softmax focal loss gathers with the target as it comes, which only int64 can do: int32 or uint8 class indices fail."""

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_softmax_accepts_any_integer_target_dtype"]


def softmax_focal_loss(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    if isinstance(target, torch.Tensor) and target.dtype != torch.int64 and target.dtype != torch.bool:  # noqa: F405
        if not target.is_floating_point() and isinstance(logits, torch.Tensor) and logits.dim() == 2:
            logits.gather(1, target[:, None])  # RuntimeError: gather(): Expected dtype int64 for index
    return _solution.softmax_focal_loss(logits, target, alpha, gamma, reduction)
