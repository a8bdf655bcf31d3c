"""Clips the destination at the border but always reads the object from its top-left corner."""

from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_object_hanging_over_a_border_is_clipped[over the top]",
    "test_object_hanging_over_a_border_is_clipped[over the left]",
]


def paste_object(background, obj, alpha, top, left):
    image = background.clone()
    _, H, W = background.shape
    h, w = alpha.shape
    y0, y1 = max(top, 0), min(top + h, H)
    x0, x1 = max(left, 0), min(left + w, W)
    if y0 >= y1 or x0 >= x1:
        return image, None
    a = alpha[: y1 - y0, : x1 - x0]
    o = obj[:, : y1 - y0, : x1 - x0]
    image[:, y0:y1, x0:x1] = a * o + (1 - a) * background[:, y0:y1, x0:x1]
    rows = (a > 0).any(1).nonzero().flatten()
    cols = (a > 0).any(0).nonzero().flatten()
    if rows.numel() == 0:
        return image, None
    return image, (x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)
