"""2. yolox:
        2. 使用IOU loss做reg优化, BCE loss训cls

In English: 2. YOLOX: 2. It optimises the box regression with an IoU loss and trains the classification
with a BCE loss.

Source: 004_4864363d713f5d38.txt · 一、计算机视觉.

YOLOX trains its classification branch with binary cross-entropy on logits. Write that loss **by hand**:
the same values and gradients as ``F.binary_cross_entropy_with_logits(logits, targets, pos_weight=...,
reduction=...)`` without calling it under any name (``torch.binary_cross_entropy_with_logits``,
``torch.ops.aten...``, ``nn.BCEWithLogitsLoss``), nor the same loss in other clothes: ``F.binary_cross_entropy``
/ ``nn.BCELoss`` (also through ``torch._C._nn``), ``F.soft_margin_loss`` and ``F.multilabel_soft_margin_loss``.
``F.softplus``, ``F.logsigmoid``, ``torch.log1p``, ``exp``, ``abs`` and ``clamp`` are fine.

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
        logits (Tensor[*]): raw scores ``x``, floating point, any shape (a 0-d scalar too).
        targets (Tensor[*]): ``y`` of the same shape, usually in ``[0, 1]`` (soft targets allowed); of
            another floating dtype, it is converted to ``logits``' dtype.
        pos_weight (Tensor[C], optional): weight of the positive term per class, broadcast against the
            last axis of ``logits`` (so ``C`` is ``logits.shape[-1]``, or 1; for 0-d logits, 1). ``None``
            means 1. Of another floating dtype, it is converted to ``logits``' dtype.
        reduction (str): ``"none"``, ``"mean"`` (over all elements) or ``"sum"``.

    Returns:
        Tensor: of ``logits``' shape for ``"none"`` (0-d logits give a 0-d loss, also with a ``pos_weight``
        of shape [1], where the built-in broadcasts to [1]), else 0-d; ``logits``' dtype (float16 and bfloat16
        included, whatever the dtype of ``targets`` and ``pos_weight``) and device. Finite, with finite
        gradients, even for logits of ±1e4.

    Raises:
        TypeError: ``logits`` is not a floating-point tensor (an integer tensor, a list).
        ValueError: ``targets`` has another shape, ``pos_weight`` does not broadcast against the last axis,
            or ``reduction`` is unknown. The message names the argument (``logits``, ``targets``,
            ``pos_weight`` or ``reduction``).

    Example:
        >>> bce_with_logits(torch.tensor([0.0, 2.0, -1e4]), torch.tensor([1.0, 0.0, 0.0]), reduction="none")
        tensor([0.6931, 2.1269, 0.0000])
    """
    raise NotImplementedError
