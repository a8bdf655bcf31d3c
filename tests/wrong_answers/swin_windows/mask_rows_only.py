"""Splits the rolled map into bands along H only: tokens wrapped around the right edge still see the left ones."""

import torch

from solutions.swin_windows.swin_windows import *

CAUGHT_BY = ["test_mask_allows_only_tokens_from_the_same_region", "test_mask_of_a_small_map_by_hand"]


def shifted_window_mask(H, W, window_size, shift_size):
    M, s = window_size, shift_size
    if not 0 <= s < M:
        raise ValueError("shift_size must be in [0, window_size)")
    labels = torch.zeros(1, H, W, 1)
    if s:
        for count, hs in enumerate((slice(0, -M), slice(-M, -s), slice(-s, None))):
            labels[:, hs, :, :] = count
    flat = window_partition(labels, M).reshape(-1, M * M)
    return torch.zeros(flat.shape[0], M * M, M * M).masked_fill(flat[:, None, :] != flat[:, :, None], -100.0)
