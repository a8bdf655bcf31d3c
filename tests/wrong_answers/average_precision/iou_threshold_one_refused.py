"""detection_ap requires iou_threshold strictly below 1, refusing the 1.0 that (0, 1] includes."""

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_detection_ap_accepts_an_iou_threshold_of_one"]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    if not 0.0 < float(iou_threshold) < 1.0:
        raise ValueError(f"iou_threshold: expected a number in (0, 1), got {iou_threshold}")
    return _solution.detection_ap(detections, ground_truths, iou_threshold, use_07_metric)
