"""The smoothed target is always float32 (F.one_hot(...).float()), not the default float dtype."""

import torch.nn.functional as F

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import smooth_one_hot as _right

CAUGHT_BY = ["test_smooth_one_hot_uses_the_default_float_dtype"]


def smooth_one_hot(target, num_classes, smoothing):
    _right(target, num_classes, smoothing)  # the same argument checks
    return F.one_hot(target.long(), num_classes).float() * (1.0 - smoothing) + smoothing / num_classes
