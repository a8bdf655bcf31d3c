"""问实习做的项目以及具体的细节（搭了哪些backbone，有没有用迁移学习，MAE怎么计算...）

In English: Questions on the internship project and its details (which backbones were built, was transfer
learning used, how is MAE computed...)

Source: 000_1a4e42d0338c0b07.txt · 一面 ("有没有用迁移学习": did you use transfer learning?).

Fine-tuning a pretrained backbone with a new head usually means: freeze the backbone (its parameters stop
receiving gradients, and its BatchNorm layers stop updating their running statistics, which a small
fine-tuning set would spoil), and give the optimizer separate parameter groups: a smaller learning rate
for the backbone than for the head, and no weight decay on biases and normalisation weights.

Write both steps. A parameter belongs to the head when its name (as ``named_parameters`` gives it) equals
one of ``head_prefixes`` or starts with one of them followed by a dot: the prefix ``"fc"`` takes
``fc.weight`` and ``fc.bias`` but not ``fc2.weight``. Modules are split the same way by their names in
``named_modules``. Everything else is the backbone.

Settled here: the backbone's BatchNorm layers stay in eval mode for good. A training loop calls
``model.train()`` every epoch, which would quietly switch them back to updating their statistics, so
``freeze_backbone`` also makes their ``train()`` keep them in eval mode.
"""

from __future__ import annotations

from collections.abc import Sequence

from torch import nn


def freeze_backbone(model: nn.Module, head_prefixes: Sequence[str]) -> int:
    """Freeze every parameter outside the head and keep the backbone's BatchNorm layers in eval mode.

    Args:
        model (nn.Module): the network; modified in place.
        head_prefixes (sequence of str): names of the head's modules, e.g. ``("fc",)`` or
            ``("roi_heads", "rpn")``; a single string is taken as one name (``"head"`` is ``("head",)``, not
            the letters ``h``, ``e``, ``a``, ``d``).

    Returns:
        int: the number of parameter tensors frozen (``requires_grad`` set to False) by this call.

    Raises:
        ValueError: ``head_prefixes`` is empty or names no parameter of ``model``; the message names
            ``head_prefixes``.

    Example:
        >>> model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.Flatten(), nn.Linear(4, 2))
        >>> freeze_backbone(model, ["3"])  # conv weight and bias, BatchNorm weight and bias
        4
        >>> _ = model.train()
        >>> model[1].training, model[3].training
        (False, True)
    """
    raise NotImplementedError


def finetune_param_groups(
    model: nn.Module,
    head_prefixes: Sequence[str],
    backbone_lr: float,
    head_lr: float,
    weight_decay: float,
) -> list[dict]:
    """Optimizer parameter groups: backbone/head × decay/no-decay; frozen parameters left out.

    Biases, and the weights and biases of normalisation layers (BatchNorm, LayerNorm, GroupNorm, ...), get
    ``weight_decay=0``; the other trainable parameters get ``weight_decay``. Each trainable parameter is in
    exactly one group.

    Args:
        model (nn.Module): the network (not modified).
        head_prefixes (sequence of str): names of the head's modules, as in :func:`freeze_backbone`.
        backbone_lr (float): learning rate of the backbone's groups.
        head_lr (float): learning rate of the head's groups.
        weight_decay (float): weight decay of the decayed groups.

    Returns:
        list[dict]: in this order, leaving out empty ones: backbone decay, backbone no-decay, head decay,
        head no-decay. Each has ``"params"`` (a Python list, in ``named_parameters`` order), ``"lr"``,
        ``"weight_decay"`` and ``"name"`` (``"backbone/decay"``, ``"backbone/no_decay"``, ``"head/decay"``,
        ``"head/no_decay"``). Ready for ``torch.optim.AdamW(groups)``.

    Raises:
        ValueError: ``head_prefixes`` is empty or names no parameter of ``model``; the message names
            ``head_prefixes``.

    Example:
        >>> model = nn.Sequential(nn.Linear(3, 4), nn.LayerNorm(4), nn.Linear(4, 2))
        >>> groups = finetune_param_groups(model, ["2"], 1e-4, 1e-3, 0.05)
        >>> for g in groups:
        ...     print(g["name"], len(g["params"]), g["lr"], g["weight_decay"])
        backbone/decay 1 0.0001 0.05
        backbone/no_decay 3 0.0001 0.0
        head/decay 1 0.001 0.05
        head/no_decay 1 0.001 0.0
    """
    raise NotImplementedError
