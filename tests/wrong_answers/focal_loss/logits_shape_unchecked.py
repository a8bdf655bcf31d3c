"""Softmax focal loss never checks that logits is [N, C]: extra dimensions or a single row fail deep inside, with messages that do not name logits."""

import torch.nn.functional as F

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_softmax_rejects_wrong_types_and_shapes[logits [N, C, d]]",
    "test_softmax_rejects_wrong_types_and_shapes[logits [C]]",
]


def softmax_focal_loss(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    if isinstance(logits, torch.Tensor) and logits.is_floating_point() and logits.dim() != 2:  # noqa: F405
        n, c = logits.shape[:2]  # ValueError: not enough values to unpack, for [C]
        log_p_t = F.log_softmax(logits, dim=1).gather(1, target.long()[:, None]).squeeze(1)  # RuntimeError for 3-D
        return -log_p_t.mean()
    return _solution.softmax_focal_loss(logits, target, alpha, gamma, reduction)
