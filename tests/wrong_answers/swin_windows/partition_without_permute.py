"""Reshapes [B, H, W, C] straight to [B, H/M, W/M, M, M, C] without the permute: windows hold stripes of rows."""

from solutions.swin_windows.swin_windows import *

CAUGHT_BY = [
    "test_partition_cuts_windows_image_by_image_row_by_row",
    "test_reverse_pastes_windows_back_in_place",
    "test_mask_allows_only_tokens_from_the_same_region",
]


def window_partition(x, window_size):
    B, H, W, C = x.shape
    M = window_size
    if H % M or W % M:
        raise ValueError("window_size must divide H and W")
    return x.reshape(B, H // M, W // M, M, M, C).reshape(-1, M, M, C)


def window_reverse(windows, window_size, H, W):
    M = window_size
    B = windows.shape[0] // ((H // M) * (W // M))
    return windows.reshape(B, H, W, -1)


def shifted_window_mask(H, W, window_size, shift_size):
    import torch

    M, s = window_size, shift_size
    labels = torch.zeros(1, H, W, 1)
    if s:
        bands = (slice(0, -M), slice(-M, -s), slice(-s, None))
        count = 0
        for hs in bands:
            for ws in bands:
                labels[:, hs, ws, :] = count
                count += 1
    flat = window_partition(labels, M).reshape(-1, M * M)
    return torch.zeros(flat.shape[0], M * M, M * M).masked_fill(flat[:, None, :] != flat[:, :, None], -100.0)
