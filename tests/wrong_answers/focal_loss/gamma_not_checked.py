"""Neither loss checks gamma: a negative exponent is accepted and blows up on easy examples."""

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_negative_gamma"]


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    if gamma < 0:
        loss = _solution.sigmoid_focal_loss(inputs, targets, alpha, 0.0, "none")
        p = torch.sigmoid(inputs)  # noqa: F405
        p_t = p * targets + (1 - p) * (1 - targets)
        loss = loss * (1 - p_t) ** gamma
        return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]
    return _solution.sigmoid_focal_loss(inputs, targets, alpha, gamma, reduction)


def softmax_focal_loss(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    if gamma < 0:
        log_p_t = torch.log_softmax(logits, dim=1).gather(1, target.long()[:, None]).squeeze(1)  # noqa: F405
        loss = -((1 - log_p_t.exp()) ** gamma) * log_p_t
        return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]
    return _solution.softmax_focal_loss(logits, target, alpha, gamma, reduction)
