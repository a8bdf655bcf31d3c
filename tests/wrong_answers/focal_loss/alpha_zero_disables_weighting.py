"""Sigmoid focal loss weighs only when alpha is above 0, so alpha=0 acts like "no weighting" instead of weighing the positives by 0."""

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_sigmoid_alpha_zero_and_one_weigh_one_class_only"]


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    return _solution.sigmoid_focal_loss(inputs, targets, alpha if alpha > 0 else -1, gamma, reduction)
