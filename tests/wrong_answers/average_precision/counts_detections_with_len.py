"""detection_ap asks for the number of detections up front, so a generator, which the docstring allows, fails."""

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_detection_ap_accepts_a_generator"]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    if len(detections) == 0:  # TypeError for a generator
        return 0.0
    return _solution.detection_ap(detections, ground_truths, iou_threshold, use_07_metric)


def mean_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    aps = []
    for cls, per_image in ground_truths.items():
        if sum(len(b) for b in per_image.values()) == 0:
            continue
        aps.append(detection_ap(detections.get(cls, []), per_image, iou_threshold, use_07_metric))
    if not aps:
        raise ValueError("ground_truths: expected at least one class with a ground-truth box, got none")
    return float(sum(aps) / len(aps))
