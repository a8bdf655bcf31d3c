"""detection_ap that sorts detections within each image and walks the images one after another."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import detection_ap as _right

CAUGHT_BY = ["test_detection_ap_ranks_detections_across_images", "test_detection_ap_matches_reference_on_random_scenes"]


def detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False):
    detections = list(detections)
    images = list(dict.fromkeys(d[0] for d in detections))
    walked = []
    for img in images:
        walked += sorted((d for d in detections if d[0] == img), key=lambda d: -float(d[1]))
    # fake scores that keep the image-by-image order, then the right matcher
    n = len(walked)
    return _right(
        [(img, float(n - i), box) for i, (img, _, box) in enumerate(walked)],
        ground_truths,
        iou_threshold,
        use_07_metric,
    )
