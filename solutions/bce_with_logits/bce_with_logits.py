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
    if not isinstance(logits, torch.Tensor) or not logits.is_floating_point():
        raise TypeError(
            f"logits: expected a floating-point tensor, got {type(logits).__name__}"
            + (f" of dtype {logits.dtype}" if isinstance(logits, torch.Tensor) else "")
        )
    if not isinstance(targets, torch.Tensor) or targets.shape != logits.shape:
        got = list(targets.shape) if isinstance(targets, torch.Tensor) else type(targets).__name__
        raise ValueError(f"targets: expected the shape of logits {list(logits.shape)}, got {got}")
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction: expected one of {REDUCTIONS}, got {reduction!r}")
    if pos_weight is not None:
        last = logits.shape[-1] if logits.dim() else 1
        if pos_weight.dim() > 1 or pos_weight.numel() not in (1, last):
            raise ValueError(
                f"pos_weight: expected a tensor of shape [{last}] (one weight per class, the last axis of "
                f"logits) or [1], got {list(pos_weight.shape)}"
            )
    targets = targets.to(logits.dtype)
    # -log σ(x) written so that exp never sees a large positive argument. max(-x, 0) is spelled
    # (|x| - x) / 2: the same values, but autograd then gives the kink at x = 0 the gradient -1/2 of the
    # smooth function (clamp would give -1, relu 0), so the gradient is σ(x) - y there too.
    neg_log_sigmoid = (logits.abs() - logits) / 2 + torch.log1p(torch.exp(-logits.abs()))
    # and -log(1 - σ(x)) = -log σ(-x) = x + (-log σ(x))
    if pos_weight is None:
        loss = (1 - targets) * logits + neg_log_sigmoid
    else:
        # y·w·(-log σ(x)) + (1-y)·(x - log σ(x)) regrouped: (1-y)·x + (1 + (w-1)·y)·(-log σ(x))
        # for 0-d logits a [1] pos_weight would broadcast the loss to [1]: keep logits' shape
        pw = pos_weight.to(logits.dtype).reshape(()) if logits.dim() == 0 else pos_weight.to(logits.dtype)
        weight = 1 + (pw - 1) * targets
        loss = (1 - targets) * logits + weight * neg_log_sigmoid
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
