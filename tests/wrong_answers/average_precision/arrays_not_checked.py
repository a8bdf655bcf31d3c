"""average_precision flattens its inputs and never checks the scores are finite: columns, NaN and inf pass."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_average_precision_rejects_bad_arrays[y_true a column]",
    "test_average_precision_rejects_bad_arrays[y_score a column]",
    "test_average_precision_rejects_bad_arrays[NaN score]",
    "test_average_precision_rejects_bad_arrays[inf score]",
    "test_average_precision_rejects_bad_arrays[minus inf score]",
]


def average_precision(y_true, y_score):
    y, s = np.ravel(y_true), np.ravel(y_score)
    if np.issubdtype(s.dtype, np.floating):
        s = np.nan_to_num(s.astype(np.float64), nan=-1e300, posinf=1e300, neginf=-1e300)
    return _solution.average_precision(y, s)
