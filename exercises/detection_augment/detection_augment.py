"""问自己的小项目的细节（数据合成怎么做的，用了哪些数据增强，了解mixup吗...）

In English: Questions on the details of my own small project (how the data synthesis was done, which data
augmentations were used, do I know mixup...).

Source: 000_1a4e42d0338c0b07.txt · 一面 (the notes' answer: "数据增强可能包括随机裁剪、旋转、缩放、颜色变换等技术");
also 004_4864363d713f5d38.txt · 一、计算机视觉, "2. yolox: ... 3. 添加RandomHorizontalFlip, ColorJitter,
多尺度数据增广, 移除RandomResizedCrop".

A detector's augmentations must move the boxes with the pixels. Write three of them for one image
``[C, H, W]`` and its boxes ``[N, 4]`` ``(x1, y1, x2, y2)`` in pixel units, continuous coordinates: pixel
``(r, c)`` covers ``[c, c + 1] x [r, r + 1]``, so a box ``(0, 0, W, H)`` is the whole image.

* ``hflip``: mirror the image left to right; a box's new ``x1`` is ``W - x2`` and its new ``x2`` is
  ``W - x1`` (the two swap, so that ``x1 <= x2`` still holds).
* ``crop``: cut the window ``[top, top + height) x [left, left + width)`` out of the image. Boxes move by
  ``(-left, -top)`` and are clipped to the window; a box is kept when its visible part has a positive area
  and at least ``min_visible`` of its original area (so a box that only touches the window, or lies
  outside it, or has no area, is dropped). The window must lie inside the image.
* ``letterbox`` (YOLO's resize): scale the image by ``scale = min(size / H, size / W)`` to
  ``new_h x new_w = round(H * scale) x round(W * scale)`` (Python's ``round``, at least 1), with
  ``torch.nn.functional.interpolate(mode="bilinear", align_corners=False)`` and no antialiasing, and paste
  it in the middle of a ``size x size`` canvas filled with ``fill``: ``pad_left = (size - new_w) // 2``,
  ``pad_top = (size - new_h) // 2`` (the odd pixel, if any, goes to the right and bottom). Boxes become
  ``box * scale + (pad_left, pad_top, pad_left, pad_top)``, so a detection on the letterboxed image maps
  back with ``(box - pad) / scale``. (The short side was rounded to whole pixels, so the pixels may sit up
  to half a pixel away from where ``scale`` puts the boxes, as in YOLO.)

Nothing is modified in place; images keep their dtype (any for ``hflip`` and ``crop``, floating point for
``letterbox``, float16 and bfloat16 included), boxes keep theirs (floating point). Every error message names
the argument, and the arguments are checked also when there is no box.
"""

from __future__ import annotations

import torch


def hflip(image: torch.Tensor, boxes: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Mirror an image left to right, and its boxes with it.

    Args:
        image (Tensor[C, H, W]): the image, any dtype.
        boxes (Tensor[N, 4]): floating-point boxes ``(x1, y1, x2, y2)`` in pixels, ``x1 <= x2``, ``y1 <= y2``.

    Returns:
        (Tensor[C, H, W], Tensor[N, 4]): the mirrored image (a new tensor, same dtype) and the boxes
        ``(W - x2, y1, W - x1, y2)``, in the same order and dtype.

    Raises:
        TypeError: ``image`` is not a tensor; ``boxes`` is not a floating-point tensor (a list, an integer
            tensor). The message names the argument.
        ValueError: ``image`` is not 3-dimensional; ``boxes`` is not ``[N, 4]`` or has ``x2 < x1`` or
            ``y2 < y1``. The message names the argument.

    Example:
        >>> image = torch.arange(6).reshape(1, 2, 3)
        >>> flipped, moved = hflip(image, torch.tensor([[0.0, 0.0, 1.0, 2.0]]))
        >>> flipped
        tensor([[[2, 1, 0],
                 [5, 4, 3]]])
        >>> moved
        tensor([[2., 0., 3., 2.]])
    """
    raise NotImplementedError


def crop(
    image: torch.Tensor,
    boxes: torch.Tensor,
    top: int,
    left: int,
    height: int,
    width: int,
    min_visible: float = 0.0,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Cut a window out of an image; move and clip the boxes, and drop those that (mostly) leave.

    Args:
        image (Tensor[C, H, W]): the image, any dtype.
        boxes (Tensor[N, 4]): floating-point boxes ``(x1, y1, x2, y2)`` in pixels, ``x1 <= x2``, ``y1 <= y2``.
        top (int): first row of the window, ``>= 0``.
        left (int): first column of the window, ``>= 0``.
        height (int): rows in the window, ``>= 1``, with ``top + height <= H``.
        width (int): columns in the window, ``>= 1``, with ``left + width <= W``.
        min_visible (float): in ``[0, 1]``; a box is kept when the area of its part inside the window is
            positive and at least ``min_visible`` times its own area.

    Returns:
        (Tensor[C, height, width], Tensor[K, 4], Tensor[N] bool): the window
        ``image[:, top:top + height, left:left + width]`` (a view of ``image`` or a copy: either is fine);
        the kept boxes, shifted by ``(-left, -top)``
        and clipped to ``[0, width] x [0, height]``, in their original order; ``keep``, which input boxes
        were kept (``labels[keep]`` follows them).

    Raises:
        TypeError: ``image`` is not a tensor; ``boxes`` is not a floating-point tensor; a window
            argument is not an int (a bool is refused). The message names the argument.
        ValueError: the window does not lie inside the image: the message names ``top`` or ``left`` when
            it is negative, ``height`` or ``width`` when it is below 1 or the window reaches past the
            bottom or right edge; ``min_visible`` is outside ``[0, 1]``; bad ``image`` or ``boxes``
            shapes; an inverted box. The message names the argument.

    Example:
        >>> image = torch.zeros(3, 10, 10)
        >>> boxes = torch.tensor([[2.0, 2.0, 6.0, 6.0], [0.0, 0.0, 3.0, 3.0], [8.0, 8.0, 9.0, 9.0]])
        >>> window, moved, keep = crop(image, boxes, top=4, left=2, height=5, width=5)
        >>> window.shape
        torch.Size([3, 5, 5])
        >>> moved
        tensor([[0., 0., 4., 2.]])
        >>> keep
        tensor([ True, False, False])
    """
    raise NotImplementedError


def letterbox(
    image: torch.Tensor,
    boxes: torch.Tensor,
    size: int,
    fill: float = 0.5,
) -> tuple[torch.Tensor, torch.Tensor, float, tuple[int, int]]:
    """Resize keeping the aspect ratio and pad to a square, as YOLO does; boxes follow.

    Args:
        image (Tensor[C, H, W]): a floating-point image.
        boxes (Tensor[N, 4]): floating-point boxes ``(x1, y1, x2, y2)`` in pixels, ``x1 <= x2``, ``y1 <= y2``.
        size (int): side of the square output, ``>= 1``.
        fill (float): value of the padding.

    Returns:
        (Tensor[C, size, size], Tensor[N, 4], float, (int, int)): the letterboxed image (same dtype);
        the boxes ``box * scale + (pad_left, pad_top, pad_left, pad_top)`` (same order and dtype);
        ``scale = min(size / H, size / W)``; and ``(pad_left, pad_top)``, the offset of the resized image
        ``round(H * scale) x round(W * scale)`` in the canvas (Python's ``round``: 23.68 gives 24, 2.5
        gives 2, and the long side's ``60.99999999999999`` gives 61; at least 1).
        ``(box - pad) / scale`` maps boxes back.

    Raises:
        TypeError: ``image`` is not a floating-point tensor; ``boxes`` is not a floating-point tensor;
            ``size`` is not an int (a bool is refused). The message names the argument.
        ValueError: ``size < 1``; bad ``image`` or ``boxes`` shapes; an inverted box. The message names
            the argument.

    Example:
        >>> image = torch.ones(3, 20, 40)
        >>> out, moved, scale, pad = letterbox(image, torch.tensor([[0.0, 0.0, 40.0, 20.0]]), size=80)
        >>> out.shape, scale, pad
        (torch.Size([3, 80, 80]), 2.0, (0, 20))
        >>> moved
        tensor([[ 0., 20., 80., 60.]])
        >>> out[0, :, 0].tolist() == [0.5] * 20 + [1.0] * 40 + [0.5] * 20
        True
    """
    raise NotImplementedError
