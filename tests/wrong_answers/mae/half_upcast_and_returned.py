"""Computes float16 and bfloat16 inputs in float32 for accuracy and returns that float32 result instead of the inputs' dtype."""

import torch

import solutions.mae.mae as _solution
from solutions.mae.mae import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_half_precision_inputs_keep_their_dtype"]


def mae(pred, target, mask=None):
    half = (torch.float16, torch.bfloat16)
    if isinstance(pred, torch.Tensor) and isinstance(target, torch.Tensor):
        if pred.dtype in half and target.dtype in half:
            pred, target = pred.float(), target.float()
    return _solution.mae(pred, target, mask)
