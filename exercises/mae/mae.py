"""问实习做的项目以及具体的细节（搭了哪些backbone，有没有用迁移学习，MAE怎么计算...）

In English: Asked about the internship project and its details (which backbones were built, whether
transfer learning was used, how MAE is computed...).

Source: 000_1a4e42d0338c0b07.txt · 一面 (the interviewer asked about the internship project: which
backbones, whether transfer learning was used, "MAE怎么计算" — how is MAE computed).

Write the mean absolute error of a prediction against a target, optionally over the elements picked by a
boolean mask, as a torch function that autograd can differentiate.

``pred`` and ``target`` must have exactly the same shape: a prediction of shape ``[N, 1]`` against a target
of shape ``[N]`` would broadcast to ``[N, N]`` and average N² differences, a classic silent bug, so it is an
error here. With a mask, only the selected elements take part: the result is their mean, and unselected
elements do not affect the value or the gradient even when they hold NaN or inf (a common way to mark a
missing target). A mask that selects nothing is an error, not NaN.
"""

from __future__ import annotations

import torch


def mae(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
    """Mean absolute error ``mean(|pred - target|)``, over all elements or over those ``mask`` selects.

    Args:
        pred (Tensor[*]): floating-point predictions, any shape (0-d included).
        target (Tensor[*]): floating-point targets of exactly the same shape as ``pred``; no broadcasting.
        mask (Tensor[*] bool, optional): same shape as ``pred``; ``True`` marks the elements to average over.
            Unselected elements take no part, even if they hold NaN or inf. ``None`` (default) selects all.

    Returns:
        Tensor[] (0-d): the mean absolute error, with the dtype of ``pred - target`` (the inputs' dtype when
        they agree, float16 and bfloat16 included; torch's promotion when they differ, e.g. float64 for
        float32 against float64) on the inputs' device, differentiable with respect to ``pred`` and
        ``target``.

    Raises:
        TypeError: ``pred`` or ``target`` is not a floating-point tensor, or ``mask`` is not a bool tensor;
            the message names the argument.
        ValueError: ``target`` (or ``mask``) does not have exactly the shape of ``pred`` (the message names
            ``target`` or ``mask``), or nothing is selected: an empty ``pred`` (the message names ``pred``
            or says "empty"), or a mask with no ``True`` (the message names ``mask``).

    Example:
        >>> pred = torch.tensor([1.0, 2.0, 4.0])
        >>> target = torch.tensor([1.5, 2.0, 1.0])
        >>> mae(pred, target)
        tensor(1.1667)
        >>> mae(pred, target, mask=torch.tensor([True, True, False]))
        tensor(0.2500)
    """
    raise NotImplementedError
