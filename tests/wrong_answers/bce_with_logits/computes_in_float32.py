"""Upcasts float16/bfloat16 logits to float32 for stability and returns the float32 loss."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_keeps_half_precision_dtype"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    if isinstance(logits, torch.Tensor) and logits.dtype in (torch.float16, torch.bfloat16):
        logits = logits.float()
    return _right(logits, targets, pos_weight, reduction)
