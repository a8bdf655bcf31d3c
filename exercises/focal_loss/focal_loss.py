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
    raise NotImplementedError


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
    raise NotImplementedError
