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

import math
from collections.abc import Callable, Iterable
from typing import Any

import torch


def _check_hyperparameters(lr: float, betas: tuple[float, float], eps: float, weight_decay: float) -> None:
    if not 0.0 <= lr:
        raise ValueError(f"lr: expected a learning rate >= 0, got {lr}")
    if not 0.0 <= eps:
        raise ValueError(f"eps: expected eps >= 0, got {eps}")
    if len(betas) != 2 or not all(0.0 <= b < 1.0 for b in betas):
        raise ValueError(f"betas: expected two numbers in [0, 1), got {tuple(betas)}")
    if not 0.0 <= weight_decay:
        raise ValueError(f"weight_decay: expected weight_decay >= 0, got {weight_decay}")


def _adam_step(optimizer: torch.optim.Optimizer, decoupled: bool) -> None:
    for group in optimizer.param_groups:
        lr, (beta1, beta2), eps, weight_decay = group["lr"], group["betas"], group["eps"], group["weight_decay"]
        for p in group["params"]:
            if p.grad is None:
                continue  # no gradient, no state and no decay: as torch does
            if p.grad.is_sparse:
                raise RuntimeError("Adam does not support sparse gradients")
            grad = p.grad
            state = optimizer.state[p]
            if not state:
                # A float32 tensor like torch's, so that state dicts look the same.
                state["step"] = torch.tensor(0.0, dtype=torch.float32)
                state["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                state["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
            state["step"] += 1
            # Each parameter counts its own steps: one that only now gets a gradient starts at step 1,
            # and its bias correction must too.
            step = state["step"].item()
            if weight_decay != 0:
                if decoupled:
                    # AdamW: shrink the weight itself, scaled by lr so a schedule also scales the decay.
                    p.mul_(1 - lr * weight_decay)
                else:
                    # L2: the decay joins the gradient and is then normalised by Adam like the rest.
                    # A new tensor: p.grad itself is left as the caller computed it.
                    grad = grad.add(p, alpha=weight_decay)
            exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
            exp_avg.lerp_(grad, 1 - beta1)
            exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            bias_correction1 = 1 - beta1**step
            bias_correction2 = 1 - beta2**step
            # eps is added after the square root (and after the bias correction), as torch does.
            denom = (exp_avg_sq.sqrt() / math.sqrt(bias_correction2)).add_(eps)
            p.addcdiv_(exp_avg, denom, value=-lr / bias_correction1)


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
        _check_hyperparameters(lr, betas, eps, weight_decay)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay})

    @torch.no_grad()
    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        """Update every parameter that has a gradient.

        Args:
            closure (callable, optional): re-evaluates the model and returns the loss; it is called with
                gradients enabled before the update.

        Returns:
            Tensor or None: the closure's loss, or None without a closure.
        """
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _adam_step(self, decoupled=True)
        return loss


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
        _check_hyperparameters(lr, betas, eps, weight_decay)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay})

    @torch.no_grad()
    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        """Update every parameter that has a gradient.

        Args:
            closure (callable, optional): re-evaluates the model and returns the loss; it is called with
                gradients enabled before the update.

        Returns:
            Tensor or None: the closure's loss, or None without a closure.
        """
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        _adam_step(self, decoupled=False)
        return loss
