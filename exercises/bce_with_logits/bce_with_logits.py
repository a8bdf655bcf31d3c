"""2. yolox:
        2. 使用IOU loss做reg优化, BCE loss训cls

Source: 004_4864363d713f5d38.txt · 一、计算机视觉.

YOLOX trains its classification branch with binary cross-entropy on logits. Write that loss **by hand**:
the same values and gradients as ``F.binary_cross_entropy_with_logits(logits, targets, pos_weight=...,
reduction=...)`` without calling it (or ``F.binary_cross_entropy``, or ``nn.BCEWithLogitsLoss``).

The naive ``-(y log σ(x) + (1 - y) log(1 - σ(x)))`` overflows: σ(x) rounds to exactly 1 or 0 for
|x| of a few dozen in float32, and the log turns that into inf. Rewrite it with
``-log σ(x) = softplus(-x) = max(-x, 0) + log(1 + exp(-|x|))``, which is finite for every x. Mind
the gradient at ``x = 0``, where ``max`` and ``|x|`` have kinks: it must still be ``σ(x) - y`` (times the
weights), as autograd gives for the built-in.
"""

from __future__ import annotations

import torch

REDUCTIONS = ("none", "mean", "sum")


def bce_with_logits(
    logits: torch.Tensor,
    targets: torch.Tensor,
    pos_weight: torch.Tensor | None = None,
    reduction: str = "mean",
) -> torch.Tensor:
    """Binary cross-entropy on logits, numerically stable, by hand.

    ``loss = -(pos_weight * y * log σ(x) + (1 - y) * log(1 - σ(x)))`` element by element.

    Args:
        logits (Tensor[*]): raw scores ``x``, floating point, any shape.
        targets (Tensor[*]): ``y`` of the same shape and dtype, usually in ``[0, 1]`` (soft targets allowed).
        pos_weight (Tensor[C], optional): weight of the positive term per class, broadcast against the
            last axis of ``logits`` (so ``C`` is ``logits.shape[-1]``, or 1). ``None`` means 1.
        reduction (str): ``"none"``, ``"mean"`` (over all elements) or ``"sum"``.

    Returns:
        Tensor: of ``logits``' shape for ``"none"``, else 0-d; ``logits``' dtype and device. Finite, with
        finite gradients, even for logits of ±1e4.

    Raises:
        TypeError: ``logits`` is not a floating-point tensor.
        ValueError: ``targets`` has another shape, ``pos_weight`` does not broadcast against the last axis,
            or ``reduction`` is unknown.

    Example:
        >>> bce_with_logits(torch.tensor([0.0, 2.0, -1e4]), torch.tensor([1.0, 0.0, 0.0]), reduction="none")
        tensor([0.6931, 2.1269, 0.0000])
    """
    raise NotImplementedError
