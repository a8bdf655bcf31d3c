"""Returns two empty masks for empty matches before checking any argument."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import sample_balanced as _right

CAUGHT_BY = ["test_sample_balanced_checks_arguments_even_on_empty_matches"]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    if isinstance(matches, torch.Tensor) and matches.numel() == 0:
        empty = torch.zeros(0, dtype=torch.bool)
        return empty, empty.clone()
    return _right(matches, batch_size_per_image, positive_fraction, generator)
