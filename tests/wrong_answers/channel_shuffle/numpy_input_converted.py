"""channel_shuffle converts anything with torch.as_tensor instead of refusing what is not a tensor."""

import torch

from solutions.channel_shuffle import channel_shuffle as _solution
from solutions.channel_shuffle.channel_shuffle import *

CAUGHT_BY = ["test_rejects_x_that_is_not_a_tensor"]


def channel_shuffle(x, groups):
    return _solution.channel_shuffle(torch.as_tensor(x), groups)
