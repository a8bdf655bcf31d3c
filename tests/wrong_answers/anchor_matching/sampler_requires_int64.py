"""Refuses matches that are not int64, although any integer dtype (int32, int16) is a valid match result."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import sample_balanced as _right

CAUGHT_BY = ["test_sample_balanced_accepts_any_integer_dtype"]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    if isinstance(matches, torch.Tensor) and matches.dtype != torch.int64:
        raise TypeError(f"matches: expected an int64 tensor, got dtype {matches.dtype}")
    return _right(matches, batch_size_per_image, positive_fraction, generator)
