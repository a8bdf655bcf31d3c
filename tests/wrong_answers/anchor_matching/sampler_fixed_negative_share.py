"""Draws ``batch * (1 - fraction)`` negatives at most, so missing positives are not made up with negatives."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import _check_sampler_args, _pick

CAUGHT_BY = [
    "test_sample_balanced_counts_match_torchvision[10pos-5000neg-batch256-frac0.5]",
    "test_sample_balanced_counts_match_torchvision[0pos-400neg-batch256-frac0.5]",
]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    _check_sampler_args(matches, batch_size_per_image, positive_fraction)
    positive = torch.nonzero(matches >= 0).flatten()
    negative = torch.nonzero(matches == -1).flatten()
    quota = int(batch_size_per_image * positive_fraction)
    num_pos = min(positive.numel(), quota)
    num_neg = min(negative.numel(), batch_size_per_image - quota)
    pos_mask = torch.zeros_like(matches, dtype=torch.bool)
    neg_mask = torch.zeros_like(matches, dtype=torch.bool)
    pos_mask[_pick(positive, num_pos, generator)] = True
    neg_mask[_pick(negative, num_neg, generator)] = True
    return pos_mask, neg_mask
