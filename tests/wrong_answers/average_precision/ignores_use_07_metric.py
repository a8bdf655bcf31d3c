"""voc_ap ignores use_07_metric and always returns the all-point AP."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import voc_ap as _right

CAUGHT_BY = [
    "test_voc_ap_11_point_takes_the_best_precision_at_each_recall_level",
    "test_voc_ap_11_point_and_all_point_differ_on_a_two_point_curve",
    "test_voc_ap_matches_the_devkit_loops_on_random_curves[11-point]",
]


def voc_ap(recall, precision, use_07_metric=False):
    return _right(recall, precision, False)
