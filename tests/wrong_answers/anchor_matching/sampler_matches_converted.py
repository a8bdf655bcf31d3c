"""Converts matches with torch.as_tensor(...).long() instead of refusing a list or a bool tensor."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import sample_balanced as _right

CAUGHT_BY = [
    "test_sample_balanced_rejects_bad_arguments[a list]",
    "test_sample_balanced_rejects_bad_arguments[bool matches]",
]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    if isinstance(matches, list) or (isinstance(matches, torch.Tensor) and matches.dtype == torch.bool):
        matches = torch.as_tensor(matches).long()
    return _right(matches, batch_size_per_image, positive_fraction, generator)
