"""2. yolox:
        1. 添加EMA权值更新, Cosine学习率机制等训练技巧

In English: 2. YOLOX: 1. added training tricks such as EMA weight updates and a cosine learning-rate schedule.

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 (YOLOX adds EMA weight updates and a cosine learning rate).

Keep an exponential moving average (EMA) of a model's weights, as YOLOX does: a frozen copy whose weights
trail the trained model's, ``ema = d * ema + (1 - d) * model`` after every optimizer step, and which is
usually the better model to evaluate. The decay ramps up with the number of updates,
``d = decay * (1 - exp(-updates / tau))``, so that the average does not remember the random
initialisation: early on ``d`` is close to 0 and the EMA follows the model.

Floating-point parameters and buffers (BatchNorm's running mean and variance) are averaged; integer
buffers (BatchNorm's ``num_batches_tracked``) are copied. The copy is in eval mode, needs no gradients,
and is never part of an autograd graph.
"""

from __future__ import annotations

import copy
import math

import torch
from torch import nn


class ModelEMA:
    """Exponential moving average of a model's parameters and buffers (YOLOX's ``ModelEMA``).

    Args:
        model (nn.Module): the model being trained; it is deep-copied, not modified.
        decay (float): the decay the ramp approaches, in ``[0, 1)`` (0 is allowed: the copy then follows the
            model exactly).
        tau (float): how many updates the ramp takes (``d`` reaches 63 % of ``decay`` after ``tau``), ``> 0``.

    Attributes:
        ema (nn.Module): the averaged copy: in eval mode, every parameter with ``requires_grad=False``.
        updates (int): how many times :meth:`update` ran (0 at first); a Python int, not a float or a
            tensor.

    Raises:
        ValueError: ``decay`` is outside ``[0, 1)`` or ``tau <= 0``; the message names the argument
            (``decay`` or ``tau``).

    Example:
        >>> model = nn.Linear(1, 1, bias=False)
        >>> _ = model.weight.data.fill_(1.0)
        >>> ema = ModelEMA(model, decay=0.5, tau=1.0)
        >>> _ = model.weight.data.fill_(3.0)
        >>> ema.update(model)  # d = 0.5 * (1 - exp(-1)) = 0.316...
        >>> round(ema.ema.weight.item(), 4), ema.updates
        (2.3679, 1)
    """

    def __init__(self, model: nn.Module, decay: float = 0.9999, tau: float = 2000) -> None:
        if not 0.0 <= decay < 1.0:
            raise ValueError(f"decay: expected a number in [0, 1), got {decay!r}")
        if tau <= 0:
            raise ValueError(f"tau: expected a positive number of updates, got {tau!r}")
        self.decay = decay
        self.tau = tau
        self.updates = 0
        # deepcopy: the EMA must own its tensors; a shallow copy would share them with the live model
        self.ema = copy.deepcopy(model).eval()
        for p in self.ema.parameters():
            p.requires_grad_(False)

    def decay_at(self, updates: int) -> float:
        """The blend factor ``d`` used by the ``updates``-th call of :meth:`update` (counted from 1).

        Args:
            updates (int): the update's number.

        Returns:
            float: ``decay * (1 - exp(-updates / tau))``, a Python float (not a tensor).

        Example:
            >>> round(ModelEMA(nn.Linear(1, 1), decay=0.9999, tau=2000).decay_at(2000), 4)
            0.6321
        """
        return self.decay * (1 - math.exp(-updates / self.tau))

    def update(self, model: nn.Module) -> None:
        """Blend ``model``'s current weights into :attr:`ema` (call once per optimizer step).

        Args:
            model (nn.Module): the trained model, with the same architecture as the copy; not modified.

        Raises:
            ValueError: ``model``'s state does not have the copy's entries and shapes; the message names
                ``model``. Every entry is checked before anything is blended, so after the error the copy
                and :attr:`updates` are as they were.
        """
        source = model.state_dict()
        target = self.ema.state_dict()
        # every entry is checked first: a model that does not fit leaves the copy and the count as they were
        for name, value in target.items():
            if name not in source or source[name].shape != value.shape:
                raise ValueError(f"model: expected an entry {name!r} of shape {list(value.shape)} like the copy's")
        # no_grad: the EMA is bookkeeping; recording these ops would grow a graph through every step
        with torch.no_grad():
            self.updates += 1
            d = self.decay_at(self.updates)
            for name, value in target.items():
                new = source[name].detach()
                if value.dtype.is_floating_point:
                    value.mul_(d).add_(new.to(value.dtype), alpha=1 - d)
                else:
                    value.copy_(new)  # counters such as num_batches_tracked are not averaged
