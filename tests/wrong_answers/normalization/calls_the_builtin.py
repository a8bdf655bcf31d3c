"""Right values, but both functions call F.layer_norm and F.batch_norm instead of computing the statistics."""

import torch.nn.functional as F

from solutions.normalization.normalization import *

CAUGHT_BY = ["test_layer_norm_is_written_by_hand", "test_batch_norm_is_written_by_hand"]


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    return F.layer_norm(x, shape, weight, bias, eps)


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    return F.batch_norm(x, running_mean, running_var, weight, bias, training=True, momentum=momentum, eps=eps)
