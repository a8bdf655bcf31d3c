"""mean_ap averages over every class named anywhere, counting classes without ground truth as AP 0."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import _as_boxes

CAUGHT_BY = ["test_mean_ap_averages_over_classes_with_ground_truth"]


def mean_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    classes = list(dict.fromkeys([*ground_truths, *detections]))
    aps = []
    for cls in classes:
        per_image = ground_truths.get(cls, {})
        if sum(len(_as_boxes("ground_truths", b)) for b in per_image.values()) == 0:
            aps.append(0.0)
            continue
        aps.append(detection_ap(detections.get(cls, []), per_image, iou_threshold, use_07_metric))
    if not any(sum(len(_as_boxes("g", b)) for b in ground_truths.get(c, {}).values()) for c in classes):
        raise ValueError("ground_truths: no class has a ground-truth box")
    return float(np.mean(aps))
