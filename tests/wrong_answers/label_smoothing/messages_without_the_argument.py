"""Error messages that say what is wrong but not which argument ("class index 4 out of range")."""

import torch

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import smooth_one_hot as _right

CAUGHT_BY = [
    "test_smooth_one_hot_rejects_bad_arguments[index too large]",
    "test_smooth_one_hot_rejects_bad_arguments[negative index]",
]


def smooth_one_hot(target, num_classes, smoothing):
    if isinstance(target, torch.Tensor) and not target.is_floating_point() and target.numel():
        if int(target.min()) < 0 or int(target.max()) >= num_classes:
            raise ValueError(f"class index out of range [0, {num_classes})")
    return _right(target, num_classes, smoothing)
