"""问自己的小项目的细节（数据合成怎么做的，用了哪些数据增强，了解mixup吗...）
  - 数据合成可能涉及使用图像合成技术来生成训练数据，例如通过将前景对象叠加到不同的背景中。

In English: Questions on the details of my own small project (how was the data synthesis done, which data
augmentations were used, do you know mixup...)
  - Data synthesis may involve image compositing techniques to generate training data, for example by
    pasting foreground objects onto different backgrounds.

Source: 000_1a4e42d0338c0b07.txt · 一面 (data synthesis: pasting foreground objects onto other backgrounds).

Paste a cut-out object onto a background image with its alpha matte, the core of copy-paste data
synthesis, and return the box a detector should learn for it. The object's top-left pixel goes to row
``top``, column ``left`` of the background; it may hang over any border (the part outside is dropped) or
fall entirely outside (nothing changes). Where they overlap, ``out = alpha * obj + (1 - alpha) * background``.

The box is the tight box of the pasted pixels that are visible (inside the background) and have
``alpha > 0``, in pixel-edge coordinates: a single visible pixel at row ``r``, column ``c`` has the box
``(c, r, c + 1, r + 1)``.
"""

from __future__ import annotations

import torch


def paste_object(
    background: torch.Tensor, obj: torch.Tensor, alpha: torch.Tensor, top: int, left: int
) -> tuple[torch.Tensor, tuple[int, int, int, int] | None]:
    """Alpha-composite ``obj`` onto a copy of ``background`` at ``(top, left)``.

    Args:
        background (Tensor[C, H, W]): float image; not modified.
        obj (Tensor[C, h, w]): the object, same C (converted to ``background``'s dtype).
        alpha (Tensor[h, w]): opacity of each object pixel, in ``[0, 1]``.
        top (int): background row of the object's first row (may be negative or past the bottom).
        left (int): background column of the object's first column (may be negative or past the right).

    Returns:
        tuple[Tensor[C, H, W], tuple[int, int, int, int] | None]: the composited image (a new tensor,
        ``background``'s dtype and device, also when nothing is pasted: then an unchanged copy, never
        ``background`` itself), and the tight box ``(x1, y1, x2, y2)`` of the visible object pixels with
        ``alpha > 0`` in pixel edges, four Python ints, or ``None`` when there is none.

    Raises:
        TypeError: a tensor argument is not floating point, or ``top``/``left`` is not an int (a bool is
            not taken as an int); the message names the argument.
        ValueError: shapes do not fit (channels: the message names ``obj``; ``alpha`` against ``obj``: the
            message names ``alpha``), or ``alpha`` is outside ``[0, 1]`` (the message names ``alpha``).

    Example:
        >>> bg = torch.zeros(1, 3, 4)
        >>> obj = torch.ones(1, 2, 2)
        >>> alpha = torch.tensor([[1.0, 0.5], [0.0, 0.0]])
        >>> image, box = paste_object(bg, obj, alpha, top=1, left=2)
        >>> image[0]
        tensor([[0.0000, 0.0000, 0.0000, 0.0000],
                [0.0000, 0.0000, 1.0000, 0.5000],
                [0.0000, 0.0000, 0.0000, 0.0000]])
        >>> box
        (2, 1, 4, 2)
    """
    raise NotImplementedError
