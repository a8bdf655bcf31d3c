"""W-MSA's attention term written 2*M*hw*C (M, not M^2 keys per query)."""

from solutions.swin_windows.swin_windows import *

CAUGHT_BY = ["test_flops_follow_the_papers_formulas[W-MSA 56x56x96 M=7]"]


def attention_flops(h, w, c, window_size=None):
    for name, value in (("h", h), ("w", w), ("c", c)):
        if value <= 0:
            raise ValueError(f"{name}: expected a positive int, got {value}")
    if window_size is None:
        return 4 * h * w * c * c + 2 * (h * w) ** 2 * c
    if window_size <= 0:
        raise ValueError(f"window_size: expected a positive int, got {window_size}")
    return 4 * h * w * c * c + 2 * window_size * h * w * c
