"""detection_ap ranks the detections with NumPy's default argsort of the negated scores, which does not keep equal scores in input order."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_detection_ap_equal_scores_keep_their_input_order"]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    detections = list(detections)
    scores = np.array([float(d[1]) for d in detections if isinstance(d, tuple) and len(d) == 3])
    if len(scores) != len(detections) or not np.isfinite(scores).all():
        return _solution.detection_ap(detections, ground_truths, iou_threshold, use_07_metric)
    ranked = [detections[i] for i in np.argsort(-scores)]
    # Hand the solution the detections in this order with scores that keep it (the solution's sort is stable).
    ranked = [(img, float(len(ranked) - k), box) for k, (img, _, box) in enumerate(ranked)]
    return _solution.detection_ap(ranked, ground_truths, iou_threshold, use_07_metric)
