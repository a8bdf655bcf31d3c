"""10. transformer一般用什么优化器:

In English: 10. Which optimizer is generally used for transformers:

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 · 10. transformer一般用什么优化器.

The notes recommend AdamW (建议选择Adamw) and sum it up as "AdamW = Adam + Weight Decay" (理论上:
AdamW=Adam+Weight Decay). The catch is *where* the weight decay goes. Write two optimizers by hand, as
``torch.optim.Optimizer`` subclasses, and see that they differ:

1. ``AdamL2``: Adam with an L2 penalty, as ``torch.optim.Adam(weight_decay=...)`` does it: the decay is added
   to the gradient, ``g <- g + weight_decay * p``, *before* the moments, so it is rescaled by Adam like any
   gradient (weights with large gradients are hardly decayed).
2. ``AdamW``: decoupled weight decay (Loshchilov & Hutter), as ``torch.optim.AdamW`` does it: the parameter
   is shrunk directly, ``p <- p * (1 - lr * weight_decay)``, and the moments see the plain gradient.

Each must follow its torch counterpart step for step: per parameter ``step`` count, first and second moments
``m <- beta1 m + (1 - beta1) g`` and ``v <- beta2 v + (1 - beta2) g^2``, bias corrections
``1 - beta^step``, and the update ``p <- p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)``.
Parameter groups with their own ``lr``/``weight_decay`` work as in any torch optimizer, a parameter whose
``.grad`` is None is skipped (no state, no decay), a change of ``group["lr"]`` (a scheduler) takes effect at
the next step, and ``state_dict()``/``load_state_dict()`` (inherited) let a fresh optimizer carry on exactly.

By hand: none of the code of ``torch.optim.adam`` and ``torch.optim.adamw``, however it is reached:
``torch.optim.Adam``/``AdamW`` as a base class (even with your own ``step``), as an instance you delegate to,
or through their ``step`` or ``__init__``; the functional ``torch.optim.adam.adam`` /
``torch.optim.adamw.adamw`` (also via ``torch.optim._functional``) and their ``_single_tensor_``,
``_multi_tensor_`` and ``_fused_`` helpers; ``torch._fused_adam_``/``_fused_adamw_``; nor any
``torch._foreach_*`` op. Subclass ``torch.optim.Optimizer`` itself; plain tensor arithmetic (``mul_``,
``add_``, ``lerp_``, ``addcmul_``, ``addcdiv_``, ``sqrt``) is the point. ``amsgrad``, ``maximize``, sparse
and complex parameters are not required.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch


class AdamW(torch.optim.Optimizer):
    """Adam with decoupled weight decay, step for step as ``torch.optim.AdamW``.

    Args:
        params (iterable of Tensor or of dict): parameters, or parameter groups (dicts with ``"params"`` and
            any of the options below, which then override the defaults for that group).
        lr (float): learning rate, ``>= 0``.
        betas (tuple of 2 floats): ``(beta1, beta2)`` in ``[0, 1)``, decay rates of the two moments.
        eps (float): added to the bias-corrected ``sqrt(v)``, ``>= 0``.
        weight_decay (float): decoupled decay, ``>= 0``: each step first multiplies the parameter by
            ``1 - lr * weight_decay``.

    Per-parameter ``state``: ``"step"`` (a float32 scalar tensor, 0-d, also for float64 parameters, not a
    Python number), ``"exp_avg"`` and ``"exp_avg_sq"`` (tensors shaped like the parameter, of its dtype),
    created at the parameter's first step with a gradient.

    Raises:
        ValueError: a hyperparameter is out of range (the message names it); the bounds themselves
            (``lr = 0``, ``eps = 0``, ``weight_decay = 0``, a beta of 0) are allowed.

    Example:
        >>> p = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
        >>> opt = AdamW([p], lr=0.1, weight_decay=0.5)
        >>> p.grad = torch.tensor([0.5, 0.5])
        >>> opt.step()
        >>> p.data
        tensor([ 0.8500, -2.0000])
    """

    def __init__(
        self,
        params: Iterable[torch.Tensor] | Iterable[dict[str, Any]],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
    ) -> None:
        raise NotImplementedError

    @torch.no_grad()
    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        """Update every parameter that has a gradient.

        Args:
            closure (callable, optional): re-evaluates the model and returns the loss; it is called with
                gradients enabled before the update.

        Returns:
            Tensor or None: the closure's loss, or None without a closure.
        """
        raise NotImplementedError


class AdamL2(torch.optim.Optimizer):
    """Adam with an L2 penalty in the gradient, step for step as ``torch.optim.Adam(weight_decay=...)``.

    Args:
        params (iterable of Tensor or of dict): parameters, or parameter groups (dicts with ``"params"`` and
            any of the options below, which then override the defaults for that group).
        lr (float): learning rate, ``>= 0``.
        betas (tuple of 2 floats): ``(beta1, beta2)`` in ``[0, 1)``, decay rates of the two moments.
        eps (float): added to the bias-corrected ``sqrt(v)``, ``>= 0``.
        weight_decay (float): L2 coefficient, ``>= 0``: the gradient used by Adam is
            ``grad + weight_decay * p``. The default is the same as ``AdamW``'s (``torch.optim.Adam``'s is 0),
            so that the two classes differ only in where the decay goes.

    Per-parameter ``state``: ``"step"`` (a float32 scalar tensor, 0-d, also for float64 parameters, not a
    Python number), ``"exp_avg"`` and ``"exp_avg_sq"`` (tensors shaped like the parameter, of its dtype),
    created at the parameter's first step with a gradient. ``p.grad`` is not
    modified.

    Raises:
        ValueError: a hyperparameter is out of range (the message names it); the bounds themselves
            (``lr = 0``, ``eps = 0``, ``weight_decay = 0``, a beta of 0) are allowed.

    Example:
        >>> p = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
        >>> opt = AdamL2([p], lr=0.1, weight_decay=0.5)
        >>> p.grad = torch.tensor([0.5, 0.5])
        >>> opt.step()
        >>> p.data
        tensor([ 0.9000, -1.9000])
    """

    def __init__(
        self,
        params: Iterable[torch.Tensor] | Iterable[dict[str, Any]],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
    ) -> None:
        raise NotImplementedError

    @torch.no_grad()
    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        """Update every parameter that has a gradient.

        Args:
            closure (callable, optional): re-evaluates the model and returns the loss; it is called with
                gradients enabled before the update.

        Returns:
            Tensor or None: the closure's loss, or None without a closure.
        """
        raise NotImplementedError
