"""2. label smooth作用和原理:
分类来说, 一定程度上缓解过拟合(对于样本间严重不平衡的时候可轻微缓解.)

In English: 2. What label smoothing does and how it works: in classification it relieves overfitting to some
degree (and helps a little when the samples are severely imbalanced between classes).

Source: 004_4864363d713f5d38.txt · 二、DL base.

Label smoothing replaces the one-hot target by a softer one: the true class gets ``1 - ε + ε/C`` and every
other class ``ε/C`` (the ε is spread over all C classes, the true one included, as in Szegedy et al. 2016
and in PyTorch). The model is then no longer pushed to make one logit infinitely larger than the others.

Write the smoothed target, then the smoothed cross-entropy loss **by hand**: the same values and gradients
as ``F.cross_entropy(logits, target, label_smoothing=ε, ignore_index=..., reduction=...)``, without calling
``F.cross_entropy`` under any name (``nn.CrossEntropyLoss``, ``torch._C._nn.cross_entropy_loss``,
``torch.ops.aten.cross_entropy_loss``, soft targets included) or ``F.nll_loss`` / ``nn.NLLLoss`` (the core
of the built-in): the smoothed target times ``-log_softmax``, summed over the classes, is the whole loss.
``log_softmax``, ``gather``, ``sum`` and ``mean`` are fine. Work in log space (``log_softmax``), never
``log(softmax(x))``.
"""

from __future__ import annotations

import torch

REDUCTIONS = ("none", "mean", "sum")


def smooth_one_hot(target: torch.Tensor, num_classes: int, smoothing: float) -> torch.Tensor:
    """Smoothed one-hot targets.

    Args:
        target (Tensor[*] int64): class indices in ``[0, num_classes)``, any shape.
        num_classes (int): ``C``, at least 1.
        smoothing (float): ``ε`` in ``[0, 1]``.

    Returns:
        Tensor[*, C] of the default float dtype (``torch.get_default_dtype()``, float32 unless changed):
        ``1 - ε + ε/C`` at the target class, ``ε/C`` elsewhere; every row sums to 1. On ``target``'s device.
        ``smoothing`` of exactly 0 gives the one-hot target, exactly 1 the uniform ``1/C``.

    Raises:
        TypeError: ``target`` is not an integer tensor.
        ValueError: ``num_classes < 1``, ``smoothing`` outside ``[0, 1]``, or a class index out of range
            (negative ones included). The message names the argument (``target``, ``num_classes`` or
            ``smoothing``).

    Example:
        >>> smooth_one_hot(torch.tensor([0, 2]), num_classes=4, smoothing=0.2)
        tensor([[0.8500, 0.0500, 0.0500, 0.0500],
                [0.0500, 0.0500, 0.8500, 0.0500]])
    """
    raise NotImplementedError


def label_smoothing_cross_entropy(
    logits: torch.Tensor,
    target: torch.Tensor,
    smoothing: float = 0.1,
    reduction: str = "mean",
    ignore_index: int = -100,
) -> torch.Tensor:
    """Cross-entropy against label-smoothed targets, by hand.

    Same values and gradients as
    ``F.cross_entropy(logits, target, label_smoothing=smoothing, ignore_index=ignore_index, reduction=reduction)``
    for class-index targets.

    Args:
        logits (Tensor[N, C] or Tensor[N, C, d1, ...]): unnormalised scores, floating point; the class axis is 1.
        target (Tensor[N] or Tensor[N, d1, ...] int64): class indices in ``[0, C)``, or ``ignore_index``.
        smoothing (float): ``ε`` in ``[0, 1]``; 0 gives plain cross-entropy.
        reduction (str): ``"none"`` (one loss per target, 0 where ignored), ``"mean"`` (the sum over
            targets that are not ignored divided by their number; NaN if all are ignored, as in PyTorch),
            or ``"sum"``.
        ignore_index (int): targets equal to it contribute nothing, to the loss or to the gradient.

    Returns:
        Tensor: 0-d for ``"mean"``/``"sum"``, else of ``target``'s shape; ``logits``' dtype (float16 and
        bfloat16 included) and device.

    Raises:
        TypeError: ``logits`` is not floating point (integer logits are refused, not converted), or
            ``target`` is not an integer tensor.
        ValueError: shapes do not fit, ``smoothing`` is outside ``[0, 1]``, ``reduction`` is unknown, or a
            target that is not ignored is out of range (negative ones included). The message names the
            argument (``logits``, ``target``, ``smoothing`` or ``reduction``).

    Example:
        >>> logits = torch.tensor([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
        >>> label_smoothing_cross_entropy(logits, torch.tensor([0, 1]), smoothing=0.0, reduction="none")
        tensor([0.2395, 1.0986])
    """
    raise NotImplementedError
