"""Returns the int 0 for an empty curve or no detections, where the docstring promises the float 0.0."""

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_every_ap_is_a_python_float[voc_ap of an empty curve]",
    "test_every_ap_is_a_python_float[voc_ap 11-point of an empty curve]",
    "test_every_ap_is_a_python_float[detection_ap with no detections]",
]


def voc_ap(recall, precision, use_07_metric=False):
    ap = _solution.voc_ap(recall, precision, use_07_metric)
    return 0 if len(recall) == 0 else ap


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    detections = list(detections)
    ap = _solution.detection_ap(detections, ground_truths, iou_threshold, use_07_metric)
    return 0 if not detections else ap
