"""batched_nms returns each category's kept boxes one category after another instead of by score overall."""

import torch

from solutions.nms.nms import *

CAUGHT_BY = ["test_batched_nms_orders_all_classes_together_by_score", "test_batched_nms_matches_per_class_reference"]


def batched_nms(boxes, scores, idxs, iou_threshold):
    parts = [torch.zeros(0, dtype=torch.int64)]
    for c in torch.unique(idxs):
        members = torch.nonzero(idxs == c).flatten()
        parts.append(members[nms(boxes[members], scores[members], iou_threshold)])
    return torch.cat(parts)
