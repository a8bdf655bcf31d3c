"""Checks no types: a uint8 background is blended and truncated, a float top fails inside slicing."""

from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_arguments_of_the_wrong_type"]


def paste_object(background, obj, alpha, top, left):
    if obj.shape[0] != background.shape[0]:
        raise ValueError("obj: expected the background's number of channels")
    if tuple(alpha.shape) != tuple(obj.shape[1:]):
        raise ValueError("alpha: expected the object's height and width")
    image = background.clone()
    _, H, W = background.shape
    h, w = alpha.shape
    y0, y1, x0, x1 = max(top, 0), min(top + h, H), max(left, 0), min(left + w, W)
    if y0 >= y1 or x0 >= x1:
        return image, None
    a = alpha[y0 - top : y1 - top, x0 - left : x1 - left]
    o = obj[:, y0 - top : y1 - top, x0 - left : x1 - left]
    image[:, y0:y1, x0:x1] = (a * o + (1 - a) * background[:, y0:y1, x0:x1]).to(image.dtype)
    rows = (a > 0).any(dim=1).nonzero().flatten()
    cols = (a > 0).any(dim=0).nonzero().flatten()
    if rows.numel() == 0:
        return image, None
    return image, (x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)
