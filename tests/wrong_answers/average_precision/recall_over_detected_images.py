"""Counts ground truths only in images that have detections: objects never detected do not lower recall."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import detection_ap as _right

CAUGHT_BY = ["test_detection_ap_counts_ground_truths_that_were_never_detected", "test_detection_ap_hand_worked_case"]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    detections = list(detections)
    seen = {d[0] for d in detections}
    kept = {img: boxes for img, boxes in ground_truths.items() if img in seen}
    return _right(detections, kept or ground_truths, iou_threshold, use_07_metric)
