"""问自己的小项目的细节（数据合成怎么做的，用了哪些数据增强，了解mixup吗...）

In English: Questions on the details of my own small project (how was the data synthesis done, which data
augmentations were used, do you know mixup...)

Source: 000_1a4e42d0338c0b07.txt · 一面.

The notes answer with this code:

    def mixup_data(x, y, alpha=1.0, use_cuda=True):
        if alpha > 0:
            lam = np.random.beta(alpha, alpha)
        else:
            lam = 1
        batch_size = x.size()[0]
        if use_cuda:
            index = torch.randperm(batch_size).cuda()
        else:
            index = torch.randperm(batch_size)
        mixed_x = lam * x + (1 - lam) * x[index, :]  # 对输入数据进行线性插值
        y_a, y_b = y, y[index]
        return mixed_x, y_a, y_b, lam

Mixup (Zhang et al., 2018) trains on convex combinations of pairs of examples: each input is blended with
a partner from the same batch, ``lam * x + (1 - lam) * x[partner]``, and the loss is blended the same way
between the two labels. Rewrite the notes' code so that it

* works on any device: no hard-coded ``.cuda()``; the permutation lives on ``x``'s device;
* is reproducible: every random number comes from the ``numpy.random.Generator`` you are given, drawn in a
  fixed order (first ``lam``, then the permutation; see ``mixup_data``), so that the same seed gives the
  same batch;
* leaves ``x`` and ``y`` alone and keeps ``x``'s dtype.

Then write ``mixup_criterion``, the matching loss.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch


def mixup_data(
    x: torch.Tensor,
    y: torch.Tensor,
    alpha: float = 1.0,
    rng: np.random.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, float]:
    """Blend every example of a batch with a random partner from the same batch.

    Random draws, in this order, all from ``rng``: first ``lam = rng.beta(alpha, alpha)`` (only when
    ``alpha > 0``; otherwise ``lam = 1.0`` and nothing is drawn for it), then
    ``perm = rng.permutation(batch_size)``, which is drawn whatever ``alpha`` is. Example ``i`` is paired with
    example ``perm[i]``. So ``numpy.random.default_rng(seed)`` reproduces a call exactly.

    Args:
        x (Tensor[B, *]): floating-point batch of inputs (images ``[B, C, H, W]`` or anything else), on
            any device.
        y (Tensor[B, *]): the labels (class indices ``[B]``, one-hot or soft ``[B, K]``), same ``B``.
        alpha (float): parameter of the ``Beta(alpha, alpha)`` distribution of ``lam``; ``alpha <= 0``
            turns mixing off (``lam = 1``).
        rng (numpy.random.Generator, optional): the source of randomness; ``None`` uses a fresh
            ``numpy.random.default_rng()`` (not reproducible).

    Returns:
        tuple (mixed_x, y_a, y_b, lam):
        mixed_x (Tensor[B, *]): ``lam * x + (1 - lam) * x[perm]``, a new tensor with ``x``'s dtype and
        device (also when ``lam = 1``: never ``x`` itself nor a view of it).
        y_a (Tensor[B, *]): ``y`` itself (the same object, as in the notes' ``y_a, y_b = y, y[index]``).
        y_b (Tensor[B, *]): ``y[perm]``, the partners' labels.
        lam (float): the mixing weight, a Python float in ``[0, 1]``.

    Raises:
        TypeError: ``x`` or ``y`` is not a tensor, ``x`` is not floating point, or ``rng`` is not a
            ``numpy.random.Generator`` (a legacy ``numpy.random.RandomState`` is refused too); the message
            names the argument (``x``, ``y`` or ``rng``).
        ValueError: ``x`` has no batch dimension (the message names ``x``), or ``y`` has a different batch
            size (the message names ``y``).

    Example:
        >>> x = torch.tensor([[0.0, 0.0], [10.0, 20.0], [4.0, 8.0]])
        >>> y = torch.tensor([0, 1, 2])
        >>> mixed_x, y_a, y_b, lam = mixup_data(x, y, alpha=1.0, rng=np.random.default_rng(0))
        >>> round(lam, 4), y_b.tolist()
        (0.7025, [2, 1, 0])
        >>> mixed_x
        tensor([[ 1.1901,  2.3803],
                [10.0000, 20.0000],
                [ 2.8099,  5.6197]])
    """
    raise NotImplementedError


def mixup_criterion(
    criterion: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    pred: torch.Tensor,
    y_a: torch.Tensor,
    y_b: torch.Tensor,
    lam: float,
) -> torch.Tensor:
    """The mixup loss: ``lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)``.

    Args:
        criterion (callable): a loss ``criterion(pred, target) -> Tensor``, e.g. ``nn.CrossEntropyLoss()``.
        pred (Tensor[B, *]): the model's output on ``mixed_x``.
        y_a (Tensor[B, *]): the labels ``y_a`` from :func:`mixup_data`.
        y_b (Tensor[B, *]): the labels ``y_b`` from :func:`mixup_data`.
        lam (float): the ``lam`` from :func:`mixup_data`.

    Returns:
        Tensor: whatever shape ``criterion`` returns (a 0-d loss for a reducing criterion, ``[B]`` for
        ``reduction="none"``; not reduced further), differentiable with respect to ``pred``.

    Example:
        >>> pred = torch.tensor([[2.0, 0.0], [0.0, 1.0]])
        >>> ce = torch.nn.CrossEntropyLoss()
        >>> mixup_criterion(ce, pred, torch.tensor([0, 1]), torch.tensor([1, 0]), 0.75)
        tensor(0.5951)
    """
    raise NotImplementedError
