"""detection_ap keeps the last ground truth among equal IoUs, where the docstring says the first."""

import numpy as np

from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right
from solutions.average_precision.average_precision import _as_boxes, _iou_one_to_many

CAUGHT_BY = ["test_detection_ap_takes_the_first_ground_truth_on_equal_iou"]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    if not 0.0 < float(iou_threshold) <= 1.0:
        raise ValueError(f"iou_threshold: expected a number in (0, 1], got {iou_threshold}")
    gt_boxes = {image: _as_boxes(f"ground_truths[{image!r}]", boxes) for image, boxes in ground_truths.items()}
    n_gt = sum(len(b) for b in gt_boxes.values())
    if n_gt == 0:
        raise ValueError("ground_truths: expected at least one ground-truth box, got none")
    parsed = []
    for i, (image, score, box) in enumerate(detections):
        if not np.isfinite(float(score)):
            raise ValueError(f"detections[{i}]: expected a finite score, got {score}")
        parsed.append((image, float(score), _as_boxes(f"detections[{i}] box", box, single=True)[0]))
    parsed = sorted(parsed, key=lambda d: -d[1])
    matched = {image: np.zeros(len(b), dtype=bool) for image, b in gt_boxes.items()}
    is_tp = np.zeros(len(parsed), dtype=bool)
    for k, (image, _, box) in enumerate(parsed):
        boxes = gt_boxes.get(image)
        if boxes is None or len(boxes) == 0:
            continue
        ious = _iou_one_to_many(box, boxes)
        best, best_iou = -1, -1.0
        for j, iou in enumerate(ious):
            if not matched[image][j] and iou >= best_iou:
                best, best_iou = j, iou
        if best >= 0 and best_iou >= iou_threshold:
            matched[image][best] = True
            is_tp[k] = True
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    return voc_ap(tp / n_gt, tp / np.maximum(tp + fp, 1), use_07_metric)  # noqa: F405
