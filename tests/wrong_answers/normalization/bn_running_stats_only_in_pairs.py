"""Updates the running statistics only when both are given: a running_mean alone is left as it was."""

import torch

from solutions.normalization.normalization import *  # noqa: F403 - the rest is right
from solutions.normalization.normalization import batch_norm_train as _right_bn

CAUGHT_BY = ["test_batch_norm_updates_only_the_running_statistics_it_is_given"]


def batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    if running_mean is None or running_var is None:
        return _right_bn(x, None, None, weight, bias, momentum, eps)
    return _right_bn(x, running_mean, running_var, weight, bias, momentum, eps)
