"""Allows round(batch * fraction) positives where torchvision truncates with int(): 5 * 0.7 gives 4, not 3."""

import torch

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import _check_sampler_args, _pick

CAUGHT_BY = ["test_sample_balanced_counts_match_torchvision[40pos-60neg-batch5-frac0.7]"]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    _check_sampler_args(matches, batch_size_per_image, positive_fraction)
    positive = torch.nonzero(matches >= 0).flatten()
    negative = torch.nonzero(matches == -1).flatten()
    num_pos = min(positive.numel(), round(batch_size_per_image * positive_fraction))
    num_neg = min(negative.numel(), batch_size_per_image - num_pos)
    pos_mask = torch.zeros_like(matches, dtype=torch.bool)
    neg_mask = torch.zeros_like(matches, dtype=torch.bool)
    pos_mask[_pick(positive, num_pos, generator)] = True
    neg_mask[_pick(negative, num_neg, generator)] = True
    return pos_mask, neg_mask
