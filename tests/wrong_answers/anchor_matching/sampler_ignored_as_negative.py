"""Counts every negative match as a negative, so ignored anchors (``-2``) can be drawn as background."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import sample_balanced as _right

CAUGHT_BY = ["test_sample_balanced_draws_only_candidates_without_overlap"]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    return _right(matches.clamp(min=-1), batch_size_per_image, positive_fraction, generator)
