"""average_precision sorts the caller's arrays in place instead of working on sorted copies."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_average_precision_leaves_inputs_unchanged"]


def average_precision(y_true, y_score):
    if isinstance(y_true, np.ndarray) and isinstance(y_score, np.ndarray) and y_score.ndim == 1:
        order = np.argsort(-y_score, kind="stable")
        y_true[:] = y_true[order]
        y_score[:] = y_score[order]
    return _solution.average_precision(y_true, y_score)
