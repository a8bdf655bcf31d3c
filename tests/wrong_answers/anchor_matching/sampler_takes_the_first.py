"""Takes the first positives and negatives in anchor order instead of drawing them at random."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import _check_sampler_args

CAUGHT_BY = [
    "test_sample_balanced_picks_every_candidate_equally_often",
    "test_sample_balanced_draws_differently_with_other_seeds",
]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    _check_sampler_args(matches, batch_size_per_image, positive_fraction)
    positive = torch.nonzero(matches >= 0).flatten()
    negative = torch.nonzero(matches == -1).flatten()
    num_pos = min(positive.numel(), int(batch_size_per_image * positive_fraction))
    num_neg = min(negative.numel(), batch_size_per_image - num_pos)
    pos_mask = torch.zeros_like(matches, dtype=torch.bool)
    neg_mask = torch.zeros_like(matches, dtype=torch.bool)
    pos_mask[positive[:num_pos]] = True
    neg_mask[negative[:num_neg]] = True
    return pos_mask, neg_mask
