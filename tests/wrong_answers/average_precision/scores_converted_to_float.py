"""average_precision converts the scores to floats first: strings fail with NumPy's own ValueError instead of a TypeError naming y_score."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_average_precision_rejects_non_numeric_scores_with_type_error"]


def average_precision(y_true, y_score):
    return _solution.average_precision(y_true, np.asarray(y_score, dtype=np.float64))
