"""Uses -inf for forbidden pairs instead of the reference code's -100."""

from solutions.swin_windows.swin_windows import *
from solutions.swin_windows.swin_windows import shifted_window_mask as _right

CAUGHT_BY = ["test_mask_allows_only_tokens_from_the_same_region", "test_mask_of_a_small_map_by_hand"]


def shifted_window_mask(H, W, window_size, shift_size):
    mask = _right(H, W, window_size, shift_size)
    return mask.masked_fill(mask != 0, float("-inf"))
