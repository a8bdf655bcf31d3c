"""mixup_criterion averages the blended loss (.mean()): a per-example criterion loses its [B] shape."""

from solutions.mixup.mixup import *

CAUGHT_BY = ["test_criterion_keeps_the_shape_that_criterion_returns"]


def mixup_criterion(criterion, pred, y_a, y_b, lam):
    return (lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)).mean()
