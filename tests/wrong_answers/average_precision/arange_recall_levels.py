"""11-point AP with the VOC devkit's recall levels (steps of 0.1 added up in floating point), which miss a recall of exactly 0.3."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_voc_ap_11_point_counts_a_recall_of_exactly_three_tenths"]


def voc_ap(recall, precision, use_07_metric=False):
    if not use_07_metric:
        return _solution.voc_ap(recall, precision)
    _solution.voc_ap(recall, precision, True)  # the same checks
    rec, prec = np.asarray(recall, dtype=np.float64), np.asarray(precision, dtype=np.float64)
    total = 0.0
    for t in np.arange(0.0, 1.1, 0.1):
        total += prec[rec >= t].max() if (rec >= t).any() else 0.0
    return float(total / 11)
