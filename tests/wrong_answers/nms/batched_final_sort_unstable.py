"""Merges the categories' kept boxes with an unstable sort by score: equal scores from different categories come out in no fixed order."""

import torch

from solutions.nms.nms import *  # noqa: F403 - the rest is right
from solutions.nms.nms import batched_nms as _right_batched

CAUGHT_BY = ["test_batched_nms_orders_equal_scores_by_index_across_classes"]


def batched_nms(boxes, scores, idxs, iou_threshold):
    kept = _right_batched(boxes, scores, idxs, iou_threshold).sort().values  # index order
    return kept[torch.sort(scores[kept], descending=True).indices]
