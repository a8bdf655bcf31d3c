"""Draws indices with replacement (``torch.randint``): repeats collapse in the mask and the batch comes up short."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import _check_sampler_args

CAUGHT_BY = [
    "test_sample_balanced_counts_match_torchvision",
    "test_sample_balanced_draws_only_candidates_without_overlap",
]


def _draw(candidates, k, generator):
    if k == 0 or candidates.numel() == 0:
        return candidates[:0]
    return candidates[torch.randint(candidates.numel(), (k,), generator=generator)]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    _check_sampler_args(matches, batch_size_per_image, positive_fraction)
    positive = torch.nonzero(matches >= 0).flatten()
    negative = torch.nonzero(matches == -1).flatten()
    num_pos = min(positive.numel(), int(batch_size_per_image * positive_fraction))
    num_neg = min(negative.numel(), batch_size_per_image - num_pos)
    pos_mask = torch.zeros_like(matches, dtype=torch.bool)
    neg_mask = torch.zeros_like(matches, dtype=torch.bool)
    pos_mask[_draw(positive, num_pos, generator)] = True
    neg_mask[_draw(negative, num_neg, generator)] = True
    return pos_mask, neg_mask
