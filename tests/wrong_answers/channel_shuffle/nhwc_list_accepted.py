"""channel_shuffle_nhwc converts lists with np.asarray instead of refusing what is not a NumPy array."""

import numpy as np
import torch

from solutions.channel_shuffle import channel_shuffle as _solution
from solutions.channel_shuffle.channel_shuffle import *

CAUGHT_BY = ["test_nhwc_rejects_a_list"]


def channel_shuffle_nhwc(x, groups):
    if isinstance(x, torch.Tensor):
        raise TypeError(f"x: expected a numpy.ndarray, got {type(x).__name__}")
    return _solution.channel_shuffle_nhwc(np.asarray(x), groups)
