"""channel_shuffle_nhwc converts to torch and hands back a tensor (and accepts tensors), not a NumPy array."""

import numpy as np
import torch

from solutions.channel_shuffle.channel_shuffle import *

CAUGHT_BY = ["test_nhwc_returns_a_numpy_array", "test_nhwc_rejects_a_torch_tensor"]


def channel_shuffle_nhwc(x, groups):
    t = torch.as_tensor(np.asarray(x)).movedim(-1, 1)
    return channel_shuffle(t, groups).movedim(1, -1)
