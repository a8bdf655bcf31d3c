"""average_precision accepts integer labels only: float labels 0.0 and 1.0, which the docstring allows, are refused."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_average_precision_accepts_float_and_bool_labels"]


def average_precision(y_true, y_score):
    labels = np.asarray(y_true)
    if np.issubdtype(labels.dtype, np.floating):
        raise ValueError(f"y_true: expected integer labels 0 and 1, got dtype {labels.dtype}")
    return _solution.average_precision(y_true, y_score)
