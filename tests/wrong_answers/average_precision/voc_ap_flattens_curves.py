"""voc_ap flattens a two-dimensional recall or precision instead of refusing it."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_voc_ap_rejects_bad_curves[two-dimensional]"]


def voc_ap(recall, precision, use_07_metric=False):
    return _solution.voc_ap(np.ravel(recall), np.ravel(precision), use_07_metric)
