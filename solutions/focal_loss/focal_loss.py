"""4. 实现focal loss: -alpha*(torch.pow((1-probs), self.gamma))*log_p
ce loss: loss = -log(pt)
focal loss: loss = -alpha*(1-pt)^gamma * log(pt)

In English: 4. Implement focal loss: -alpha*(torch.pow((1-probs), self.gamma))*log_p; ce loss: loss = -log(pt);
focal loss: loss = -alpha*(1-pt)^gamma * log(pt).

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 · 4. 实现focal loss.

Focal loss (Lin et al., 2017, RetinaNet) scales the cross-entropy of each example by ``(1 - p_t)**gamma``,
where ``p_t`` is the probability the model gives to the true class, so that easy, well-classified examples
(``p_t`` near 1) contribute little and training concentrates on the hard ones. Write two versions:

* ``sigmoid_focal_loss``: independent binary targets per element, the same as
  ``torchvision.ops.sigmoid_focal_loss`` (RetinaNet's classification loss).
* ``softmax_focal_loss``: one class per example out of ``C``, ``-alpha_t * (1 - p_t)**gamma * log(p_t)``
  computed from ``log_softmax``; with ``gamma=0`` and ``alpha=None`` it is ``F.cross_entropy``.

Both must stay finite, values and gradients, for logits as large as ±1e4: never take the log of a
probability that has already rounded to 0 or 1.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

_REDUCTIONS = ("none", "mean", "sum")


def _reduce(loss: torch.Tensor, reduction: str) -> torch.Tensor:
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


def _check_reduction(reduction: str) -> None:
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction: expected one of 'none', 'mean', 'sum', got {reduction!r}")


def _check_gamma(gamma: float) -> None:
    if not gamma >= 0:
        raise ValueError(f"gamma: expected a number >= 0, got {gamma!r}")


def sigmoid_focal_loss(
    inputs: torch.Tensor,
    targets: torch.Tensor,
    alpha: float = 0.25,
    gamma: float = 2.0,
    reduction: str = "none",
) -> torch.Tensor:
    """Binary focal loss on logits, the same as ``torchvision.ops.sigmoid_focal_loss``.

    With ``p = sigmoid(inputs)`` and ``p_t = p * targets + (1 - p) * (1 - targets)``, each element's loss is
    ``alpha_t * (1 - p_t)**gamma * BCE(inputs, targets)``, where ``alpha_t = alpha * targets +
    (1 - alpha) * (1 - targets)``, and BCE is the binary cross-entropy computed from the logits.

    Args:
        inputs (Tensor[*]): floating-point logits, any shape.
        targets (Tensor[*]): same shape, floating point; 1 for the positive class, 0 for the negative one
            (values in between are allowed, as in torchvision).
        alpha (float): weight of the positive class, in ``[0, 1]`` (both ends included: ``alpha=0`` weighs
            the positives by 0); the negatives get ``1 - alpha``. A negative value (conventionally -1)
            disables the weighting.
        gamma (float): focusing exponent, ``>= 0``; 0 gives the (alpha-weighted) binary cross-entropy.
        reduction (str): ``"none"`` (element-wise losses), ``"mean"`` or ``"sum"``.

    Returns:
        Tensor: the shape of ``inputs`` for ``"none"``, else a 0-d tensor; the dtype and device of
        ``inputs`` (also when ``targets`` has another floating dtype); differentiable with respect to
        ``inputs``, with finite gradients for logits of ±1e4.

    Raises:
        TypeError: ``inputs`` or ``targets`` is not a floating-point tensor.
        ValueError: the shapes differ, ``alpha > 1``, ``gamma < 0``, or ``reduction`` is not one of the
            three names.

        Every message names the argument at fault (``targets`` when the shapes differ).

    Example:
        >>> x = torch.tensor([2.0, -1.0, 0.0])
        >>> t = torch.tensor([1.0, 1.0, 0.0])
        >>> sigmoid_focal_loss(x, t, alpha=0.25, gamma=2.0)
        tensor([0.0005, 0.1755, 0.1300])
    """
    for name, value in (("inputs", inputs), ("targets", targets)):
        if not isinstance(value, torch.Tensor) or not value.is_floating_point():
            got = value.dtype if isinstance(value, torch.Tensor) else type(value).__name__
            raise TypeError(f"{name}: expected a floating-point torch.Tensor, got {got}")
    if targets.shape != inputs.shape:
        raise ValueError(f"targets: expected the shape of inputs {list(inputs.shape)}, got {list(targets.shape)}")
    if alpha > 1:
        raise ValueError(f"alpha: expected a weight in [0, 1], or a negative number to disable it, got {alpha!r}")
    _check_gamma(gamma)
    _check_reduction(reduction)
    # The result takes the dtype of inputs: float64 targets must not promote float32 logits.
    targets = targets.to(inputs.dtype)
    p = torch.sigmoid(inputs)
    # The cross-entropy straight from the logits (log-sum-exp inside) is finite for any logit, where
    # log(sigmoid(x)) would be log(0) = -inf once sigmoid rounds to 0.
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return _reduce(loss, reduction)


def softmax_focal_loss(
    logits: torch.Tensor,
    target: torch.Tensor,
    alpha: float | torch.Tensor | None = None,
    gamma: float = 2.0,
    reduction: str = "mean",
) -> torch.Tensor:
    """Multi-class focal loss ``-alpha_t * (1 - p_t)**gamma * log(p_t)`` from ``log_softmax``.

    ``log(p_t)`` is ``log_softmax(logits, dim=1)`` at the target class, and ``p_t = exp(log(p_t))``. With
    ``gamma=0`` and ``alpha=None`` this is ``F.cross_entropy(logits, target, reduction=reduction)``.

    Args:
        logits (Tensor[N, C]): floating-point scores, classes on dim 1.
        target (Tensor[N]): int64 (any integer dtype, int32 and uint8 included; not bool) class indices
            in ``[0, C)``.
        alpha (None, float or Tensor[C]): ``None``: no weighting (``alpha_t = 1``); a float: the same
            weight for every example; a tensor: one weight per class, ``alpha_t = alpha[target]``, used in
            the dtype of ``logits`` whatever its own dtype.
        gamma (float): focusing exponent, ``>= 0``.
        reduction (str): ``"none"`` (one loss per example, ``[N]``), ``"mean"`` (the plain mean over the N
            examples; unlike ``F.cross_entropy(weight=...)`` it is *not* divided by the sum of the weights)
            or ``"sum"``.

    Returns:
        Tensor: ``[N]`` for ``"none"``, else a 0-d tensor; the dtype and device of ``logits``;
        differentiable with respect to ``logits``, with finite values and gradients for logits of ±1e4.

    Raises:
        TypeError: ``logits`` is not a floating-point tensor, or ``target`` not an integer tensor (a bool
            tensor is refused).
        ValueError: ``logits`` is not ``[N, C]`` (``[N, C, d]`` included, which ``F.cross_entropy`` would
            take), ``target`` is not ``[N]`` or holds a class outside ``[0, C)``, ``alpha`` is a tensor not of
            shape ``[C]``, ``gamma < 0``, or ``reduction`` is not one of the three names.

        Every message names the argument at fault.

    Example:
        >>> logits = torch.tensor([[2.0, 0.0, -1.0], [0.5, 0.5, 3.0]])
        >>> target = torch.tensor([0, 1])
        >>> softmax_focal_loss(logits, target, gamma=2.0, reduction="none")
        tensor([0.0041, 2.2912])
    """
    if not isinstance(logits, torch.Tensor) or not logits.is_floating_point():
        got = logits.dtype if isinstance(logits, torch.Tensor) else type(logits).__name__
        raise TypeError(f"logits: expected a floating-point torch.Tensor, got {got}")
    if (
        not isinstance(target, torch.Tensor)
        or target.is_floating_point()
        or target.is_complex()
        or target.dtype == torch.bool
    ):
        got = target.dtype if isinstance(target, torch.Tensor) else type(target).__name__
        raise TypeError(f"target: expected an integer tensor of class indices, got {got}")
    if logits.dim() != 2:
        raise ValueError(f"logits: expected shape [N, C], got {list(logits.shape)}")
    n, c = logits.shape
    if target.shape != (n,):
        raise ValueError(f"target: expected shape [{n}] (one class per row of logits), got {list(target.shape)}")
    if n and (int(target.min()) < 0 or int(target.max()) >= c):
        raise ValueError(
            f"target: expected class indices in [0, {c}), got values from {int(target.min())} to {int(target.max())}"
        )
    _check_gamma(gamma)
    _check_reduction(reduction)
    target = target.long()
    # log_softmax subtracts the row maximum first: log p_t stays finite (e.g. -2e4) where
    # softmax(...).log() would give log(0) = -inf.
    log_p_t = F.log_softmax(logits, dim=1).gather(1, target[:, None]).squeeze(1)
    p_t = log_p_t.exp()
    loss = -((1 - p_t) ** gamma) * log_p_t
    if isinstance(alpha, torch.Tensor):
        if alpha.shape != (c,):
            raise ValueError(f"alpha: expected one weight per class, shape [{c}], got {list(alpha.shape)}")
        loss = alpha.to(device=logits.device, dtype=logits.dtype)[target] * loss
    elif alpha is not None:
        loss = alpha * loss
    return _reduce(loss, reduction)
