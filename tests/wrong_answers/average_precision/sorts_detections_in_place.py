"""Sorts the caller's detection list in place (`detections.sort(...)`) instead of a copy."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import detection_ap as _right

CAUGHT_BY = ["test_detection_ap_leaves_the_detection_list_in_its_order"]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    if isinstance(detections, list):
        detections.sort(key=lambda d: -float(d[1]))
    return _right(detections, ground_truths, iou_threshold, use_07_metric)
