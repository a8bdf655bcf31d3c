"""4. loss nan 怎么定位和解决

In English: 4. How do you locate and fix a loss that becomes NaN?

Source: 004_4864363d713f5d38.txt · 二、DL base (the notes' answer: check the data, then the code, then the
training set-up — initialisation, missing BN, learning rate, loss — and finally a division by 0 somewhere in
the network: "定位到对应去改", find the place and fix it).

Write the tools for both halves of the answer, in torch:

* Locating: ``first_nonfinite_module`` runs a model once with a forward hook on every module and names the
  first leaf module (one without children), in the order the forward pass executes them, whose output
  holds NaN or ±inf; the name is the one ``model.named_modules()`` gives (``"backbone.layer1.0.conv2"``).
  Every hook it adds is removed before it returns, also when the forward raises (the exception
  propagates), and hooks the model already had stay in place. ``nonfinite_grads`` lists the parameters
  whose gradient holds NaN or ±inf after a backward pass.
* Fixing the classic cause: ``stable_logsumexp`` and ``stable_log_softmax`` written by hand with the
  max-shift trick, so that logits of ±1e4 give finite values and finite gradients, and the results agree
  with the built-ins to the dtype's precision (float32: ``rtol=1e-5, atol=1e-6``), at ±1e4 too. By hand
  means none of the built-ins that compute them, under any name or route: ``torch.logsumexp`` (also
  ``Tensor.logsumexp``, ``torch.special.logsumexp``, ``torch.ops.aten.logsumexp``), ``torch.logcumsumexp``
  (whose last entry is the logsumexp), ``F.log_softmax`` (also ``torch.log_softmax``,
  ``Tensor.log_softmax``, ``torch.special.log_softmax``, ``nn.LogSoftmax``, ``torch.ops.aten._log_softmax``).
  ``amax``/``max``, ``exp``, ``sum``, ``log``, ``where`` and arithmetic are fine. Neither function
  modifies its input.
"""

from __future__ import annotations

from collections.abc import Mapping

import torch
from torch import nn


def _check_float(name: str, x: object) -> torch.Tensor:
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{name}: expected a torch.Tensor, got {type(x).__name__}")
    if not x.is_floating_point():
        raise TypeError(f"{name}: expected a floating-point tensor, got dtype {x.dtype}")
    return x


def _shifted(x: torch.Tensor, dim: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """``shift`` (the slice maximum), ``x - shift`` and ``log(sum(exp(x - shift)))`` along ``dim``."""
    # Shift by the maximum so the largest term is exp(0) = 1: nothing overflows, and the sum is >= 1 so
    # its log is finite. The shift is a constant for autograd (the gradient is softmax either way).
    shift = x.detach().amax(dim=dim, keepdim=True)
    # A slice that is all -inf (or holds +inf) would give -inf - -inf = NaN; shifting by 0 there lets
    # exp/log produce -inf (or +inf), as torch.logsumexp does.
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))
    centred = x - shift
    return shift, centred, centred.exp().sum(dim=dim, keepdim=True).log()


def stable_logsumexp(x: torch.Tensor, dim: int) -> torch.Tensor:
    """``log(sum(exp(x), dim))`` without overflow, written by hand; same as ``torch.logsumexp(x, dim)``.

    Args:
        x (Tensor[*]): floating-point input, any shape with at least one dimension; may hold ±inf.
        dim (int): the dimension to reduce (negative counts from the end).

    Returns:
        Tensor: ``x``'s shape without ``dim``, same dtype (float16 and bfloat16 included) and device;
        finite wherever the slice holds a finite value (inputs of ±1e4 included), ``-inf`` for an all
        ``-inf`` slice, ``inf`` where the slice holds ``inf``. Differentiable: the gradient is ``softmax(x, dim)``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor; the message names ``x``.
        IndexError: ``dim`` is out of range (``-x.dim() <= dim < x.dim()`` is required, as in torch).

    Example:
        >>> stable_logsumexp(torch.tensor([[1e4, 1e4], [0.0, -1e4]]), dim=1)
        tensor([10000.6934,     0.0000])
    """
    _check_float("x", x)
    shift, _, log_sum = _shifted(x, dim)
    return (log_sum + shift).squeeze(dim)


def stable_log_softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """``log(softmax(x, dim))`` without overflow or ``log(0)``, by hand; same as ``F.log_softmax(x, dim)``.

    Args:
        x (Tensor[*]): floating-point logits, any shape with at least one dimension.
        dim (int): the dimension the probabilities sum over (default: the last).

    Returns:
        Tensor: same shape, dtype (float16 and bfloat16 included) and device as ``x``; finite for finite
        logits, even ±1e4 (where ``log(softmax(x))`` would give ``-inf``), with finite gradients, and as
        accurate as ``F.log_softmax`` there (in float32, a result near ``-2`` must not lose its third
        decimal to a subtraction of two numbers near ``1e4``).

    Raises:
        TypeError: ``x`` is not a floating-point tensor; the message names ``x``.
        IndexError: ``dim`` is out of range (``-x.dim() <= dim < x.dim()`` is required, as in torch).

    Example:
        >>> stable_log_softmax(torch.tensor([1e4, 0.0, -1e4]))
        tensor([     0., -10000., -20000.])
    """
    _check_float("x", x)
    _, centred, log_sum = _shifted(x, dim)
    # Never form exp(x) / sum: a tiny probability stays a large negative number instead of underflowing
    # to 0 and becoming log(0) = -inf. And subtract from the centred logits, not from x itself: in
    # float32, x - logsumexp(x) at |x| = 1e4 cancels two large numbers and keeps only ~3 decimals.
    return centred - log_sum


def _has_nonfinite(value: object) -> bool:
    if isinstance(value, torch.Tensor):
        if not (value.is_floating_point() or value.is_complex()):
            return False
        return not bool(torch.isfinite(value.detach()).all())
    if isinstance(value, Mapping):
        return any(_has_nonfinite(v) for v in value.values())
    if isinstance(value, (tuple, list)):
        return any(_has_nonfinite(v) for v in value)
    return False


def first_nonfinite_module(model: nn.Module, *inputs: object) -> str | None:
    """Run ``model(*inputs)`` once and name the first leaf module whose output holds NaN or inf.

    Args:
        model (nn.Module): the model; it is called exactly once, as ``model(*inputs)``, under
            ``torch.no_grad()``, in the mode (train/eval) it is in (the mode is neither changed nor restored).
        *inputs: the positional inputs of the forward pass.

    Returns:
        str or None: the name (as ``model.named_modules()`` gives it, e.g. ``"body.1.act"``) of the first
        leaf module (a module without children), in execution order, whose output — a tensor, or any
        tensor inside a returned tuple, list or dict — holds NaN or ±inf. If no leaf's output does but a
        container's does (the NaN came from a functional call in its ``forward``), the first such
        container in the order they return (``""`` for the model itself). ``None`` when every output is
        finite.

    Raises:
        TypeError: ``model`` is not an ``nn.Module``; the message names ``model``.
        Exception: whatever the forward pass raises propagates, after every hook added here is removed.

    Example:
        >>> class Log(nn.Module):
        ...     def forward(self, x):
        ...         return torch.log(x)
        >>> model = nn.Sequential(nn.Identity(), nn.Sequential(nn.ReLU(), Log()), nn.Linear(2, 2))
        >>> first_nonfinite_module(model, torch.tensor([[1.0, -1.0]]))  # log(relu(-1)) = log(0) = -inf
        '1.1'
        >>> first_nonfinite_module(model, torch.tensor([[1.0, 2.0]])) is None
        True
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"model: expected a torch.nn.Module, got {type(model).__name__}")
    first_leaf: list[str] = []
    first_container: list[str] = []

    def make_hook(name: str, is_leaf: bool):
        def hook(module: nn.Module, args: object, output: object) -> None:
            found = first_leaf if is_leaf else first_container
            # Forward hooks fire in execution order (a container's after its children's), so the first
            # record is the earliest; later ones only repeat the NaN that flowed downstream.
            if not found and _has_nonfinite(output):
                found.append(name)

        return hook

    handles = []
    try:
        for name, module in model.named_modules():
            is_leaf = next(module.children(), None) is None
            handles.append(module.register_forward_hook(make_hook(name, is_leaf)))
        with torch.no_grad():
            model(*inputs)
    finally:
        # Remove only our own hooks, by handle: the model's other hooks must survive, and a hook left
        # behind would run (and hold references) on every later forward pass.
        for handle in handles:
            handle.remove()
    if first_leaf:
        return first_leaf[0]
    return first_container[0] if first_container else None


def nonfinite_grads(model: nn.Module) -> list[str]:
    """Names of the parameters whose ``.grad`` holds NaN or ±inf.

    Args:
        model (nn.Module): a model after ``loss.backward()``; it is not changed (gradients stay as they are).

    Returns:
        list[str]: parameter names as ``model.named_parameters()`` gives them, in that order; parameters
        whose ``.grad`` is ``None`` (frozen, or not reached by the backward pass) are left out. An empty
        list when every gradient is finite.

    Raises:
        TypeError: ``model`` is not an ``nn.Module``; the message names ``model``.

    Example:
        >>> model = nn.Linear(2, 1)
        >>> model.weight.grad = torch.tensor([[0.5, float("nan")]])
        >>> model.bias.grad = torch.tensor([1.0])
        >>> nonfinite_grads(model)
        ['weight']
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"model: expected a torch.nn.Module, got {type(model).__name__}")
    return [
        name
        for name, param in model.named_parameters()
        if param.grad is not None and not bool(torch.isfinite(param.grad).all())
    ]
