"""2. yolox:
        1. 添加EMA权值更新, Cosine学习率机制等训练技巧

In English: 2. YOLOX: 1. added training tricks such as EMA weight updates and a cosine learning-rate schedule.

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 (YOLOX's training tricks: EMA and a cosine learning rate).

Write the learning rate of a cosine schedule with warm-up, as a pure function of the step, then wrap it
in a ``torch.optim.lr_scheduler.LambdaLR`` so that it drives a real optimizer.

* During the first ``warmup_steps`` steps the rate rises from ``warmup_start_lr`` to ``base_lr``:
  linearly (``warmup="linear"``) or, as YOLOX does, quadratically (``warmup="quadratic"``):
  ``warmup_start_lr + (base_lr - warmup_start_lr) * (step / warmup_steps) ** 2``.
* Then, with ``t = step - warmup_steps`` and ``T = total_steps - warmup_steps``, it follows
  ``min_lr + (base_lr - min_lr) * (1 + cos(pi * t / T)) / 2``: ``base_lr`` at ``t = 0``, ``min_lr`` at ``t = T``.
* From ``step >= total_steps`` on it stays at ``min_lr``.

With no warm-up this is ``torch.optim.lr_scheduler.CosineAnnealingLR(T_max=total_steps, eta_min=min_lr)``
for steps ``0 .. total_steps``.
"""

from __future__ import annotations

import math

import torch

WARMUPS = ("linear", "quadratic")


def cosine_lr(
    step: int,
    total_steps: int,
    base_lr: float,
    min_lr: float = 0.0,
    warmup_steps: int = 0,
    warmup_start_lr: float = 0.0,
    warmup: str = "linear",
) -> float:
    """The learning rate at ``step`` (counted from 0) of a cosine schedule with warm-up.

    Args:
        step (int): the step, ``>= 0``; steps at or past ``total_steps`` give ``min_lr``.
        total_steps (int): length of the schedule, ``>= 1``.
        base_lr (float): the rate at the end of the warm-up (the peak).
        min_lr (float): the rate at ``total_steps`` and after.
        warmup_steps (int): length of the warm-up, ``0 <= warmup_steps <= total_steps`` (both ends allowed:
            with ``warmup_steps == total_steps`` the schedule is all warm-up, then ``min_lr``).
        warmup_start_lr (float): the rate at step 0 when there is a warm-up.
        warmup (str): ``"linear"`` or ``"quadratic"`` (YOLOX).

    Returns:
        float: the learning rate, a Python float in every phase (also ``min_lr`` given as the int ``0``).

    Raises:
        ValueError: ``step < 0``, ``total_steps < 1``, ``warmup_steps`` outside ``[0, total_steps]``, or an
            unknown ``warmup``, whatever the step (also past ``total_steps``); the message names the
            argument (``step``, ``total_steps``, ``warmup_steps`` or ``warmup``).

    Example:
        >>> [round(cosine_lr(s, 10, 0.1, warmup_steps=2), 4) for s in (0, 1, 2, 6, 10, 11)]
        [0.0, 0.05, 0.1, 0.05, 0.0, 0.0]
    """
    if total_steps < 1:
        raise ValueError(f"total_steps: expected at least 1, got {total_steps}")
    if not 0 <= warmup_steps <= total_steps:
        raise ValueError(f"warmup_steps: expected 0 <= warmup_steps <= total_steps={total_steps}, got {warmup_steps}")
    if warmup not in WARMUPS:
        raise ValueError(f"warmup: expected one of {WARMUPS}, got {warmup!r}")
    if step < 0:
        raise ValueError(f"step: expected a step >= 0, got {step}")
    if step >= total_steps:
        return float(min_lr)
    if step < warmup_steps:
        progress = step / warmup_steps
        if warmup == "quadratic":
            progress = progress**2
        return warmup_start_lr + (base_lr - warmup_start_lr) * progress
    # t and T both count from the end of the warm-up, so the cosine starts at its top exactly when the
    # warm-up reaches base_lr and ends at its bottom exactly at total_steps.
    t = step - warmup_steps
    period = total_steps - warmup_steps
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * t / period)) / 2


def warmup_cosine_scheduler(
    optimizer: torch.optim.Optimizer, total_steps: int, **kw
) -> torch.optim.lr_scheduler.LambdaLR:
    """A ``LambdaLR`` that sets each param group's rate to ``cosine_lr(step, total_steps, group_lr, **kw)``.

    ``base_lr`` is each group's learning rate when the scheduler is made (groups may differ);
    ``min_lr`` and ``warmup_start_lr`` in ``kw`` are absolute rates, the same for every group. Call
    ``scheduler.step()`` once per optimizer step, as usual.

    Args:
        optimizer (torch.optim.Optimizer): the optimizer whose groups' ``lr`` are the peaks.
        total_steps (int): as in :func:`cosine_lr`.
        **kw: ``min_lr``, ``warmup_steps``, ``warmup_start_lr``, ``warmup`` of :func:`cosine_lr`.

    Returns:
        torch.optim.lr_scheduler.LambdaLR: already applied at step 0 (the groups' ``lr`` is the step-0 rate).

    Raises:
        ValueError: a group's ``lr`` is 0 (a multiplicative scheduler cannot scale it; the message names
            ``lr``), or ``kw`` holds ``base_lr`` (the message names ``base_lr``) or invalid values (checked
            as :func:`cosine_lr` does, when the scheduler is made).
        TypeError: ``kw`` holds an unknown name (a misspelt ``warmup_step`` is not ignored).

    Example:
        >>> opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
        >>> sched = warmup_cosine_scheduler(opt, total_steps=4)
        >>> lrs = []
        >>> for _ in range(5):
        ...     lrs.append(round(opt.param_groups[0]["lr"], 4))
        ...     opt.step()
        ...     sched.step()
        >>> lrs
        [0.1, 0.0854, 0.05, 0.0146, 0.0]
    """
    if "base_lr" in kw:
        raise ValueError("base_lr: comes from each param group's lr; do not pass it")
    cosine_lr(0, total_steps, 1.0, **kw)  # validates kw (a TypeError for an unknown name) before any state changes
    lambdas = []
    for i, group in enumerate(optimizer.param_groups):
        peak = group.get("initial_lr", group["lr"])
        if peak == 0:
            raise ValueError(f"optimizer: param group {i} has lr 0; a multiplicative schedule cannot scale it")
        # LambdaLR multiplies the group's initial lr by the factor, so divide the absolute rate by it.
        lambdas.append(lambda step, peak=peak: cosine_lr(step, total_steps, peak, **kw) / peak)
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambdas)
