"""detection_ap without the `matched` flags: every detection over the threshold is a true positive, duplicates too."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import _as_boxes, _iou_one_to_many

CAUGHT_BY = [
    "test_detection_ap_counts_duplicate_detections_as_false_positives",
    "test_detection_ap_hand_worked_case",
    "test_detection_ap_matches_reference_on_random_scenes",
]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    if not 0.0 < float(iou_threshold) <= 1.0:
        raise ValueError(f"iou_threshold: expected a number in (0, 1], got {iou_threshold}")
    gts = {img: _as_boxes("ground_truths", b) for img, b in ground_truths.items()}
    n_gt = sum(len(b) for b in gts.values())
    if n_gt == 0:
        raise ValueError("ground_truths: no ground-truth box")
    dets = sorted(
        ((img, float(s), _as_boxes("detections", b, single=True)[0]) for img, s, b in detections), key=lambda d: -d[1]
    )
    is_tp = np.zeros(len(dets), dtype=bool)
    for k, (img, _, box) in enumerate(dets):
        boxes = gts.get(img)
        if boxes is not None and len(boxes) and _iou_one_to_many(box, boxes).max() >= iou_threshold:
            is_tp[k] = True
    tp, fp = np.cumsum(is_tp), np.cumsum(~is_tp)
    # recall may pass 1 with duplicates; clip it so that voc_ap accepts it
    return voc_ap(np.minimum(tp / n_gt, 1.0), tp / np.maximum(tp + fp, 1), use_07_metric)
