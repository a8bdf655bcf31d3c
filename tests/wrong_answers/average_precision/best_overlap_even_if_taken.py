"""Matches each detection to the ground truth it overlaps most even when taken (then a false positive), as VOC does."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import _as_boxes, _iou_one_to_many

CAUGHT_BY = ["test_detection_ap_matches_each_ground_truth_once_to_the_best_unmatched"]


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
    taken = {img: np.zeros(len(b), dtype=bool) for img, b in gts.items()}
    is_tp = np.zeros(len(dets), dtype=bool)
    for k, (img, _, box) in enumerate(dets):
        boxes = gts.get(img)
        if boxes is None or not len(boxes):
            continue
        ious = _iou_one_to_many(box, boxes)
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold and not taken[img][best]:
            taken[img][best] = True
            is_tp[k] = True
    tp, fp = np.cumsum(is_tp), np.cumsum(~is_tp)
    return voc_ap(tp / n_gt, tp / np.maximum(tp + fp, 1), use_07_metric)
