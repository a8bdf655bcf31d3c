"""Draws from PyTorch's global generator even when a ``generator`` is given: not reproducible."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import sample_balanced as _right

CAUGHT_BY = ["test_sample_balanced_repeats_itself_with_the_same_seed"]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    return _right(matches, batch_size_per_image, positive_fraction, None)
