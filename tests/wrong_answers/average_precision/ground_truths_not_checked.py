"""detection_ap checks the detections' boxes but takes the ground-truth boxes as they come: inverted or malformed ones pass or fail deep inside."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_detection_ap_rejects_bad_ground_truth_boxes"]


def _repaired(boxes):
    try:
        array = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    except ValueError:
        rows = [list(b) + [0.0] * (4 - len(b)) for b in boxes]  # pad short boxes with zeros
        array = np.asarray(rows, dtype=np.float64)
    return np.concatenate([np.minimum(array[:, :2], array[:, 2:]), np.maximum(array[:, :2], array[:, 2:])], axis=1)


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    repaired = {image: _repaired(boxes) for image, boxes in ground_truths.items()}
    return _solution.detection_ap(detections, repaired, iou_threshold, use_07_metric)
