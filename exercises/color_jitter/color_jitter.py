"""2. yolox:
        3. 添加RandomHorizontalFlip, ColorJitter, 多尺度数据增广, 移除RandomResizedCrop

In English: 2. YOLOX: 3. added RandomHorizontalFlip, ColorJitter and multi-scale data augmentation; removed
RandomResizedCrop.

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 (YOLOX's augmentations: flips, ColorJitter, multi-scale).

Colour jitter changes an image's brightness, contrast and saturation by random factors. Write the three
adjustments for a given factor, the way torchvision's functional ``adjust_brightness``,
``adjust_contrast`` and ``adjust_saturation`` do it on float tensors, and ``color_jitter`` applying the
three in that order. Each one blends the image with another image and clamps the result to ``[0, 1]``:

* brightness blends with black: ``factor * img``;
* contrast blends with the mean of the image's grayscale version (one mean per image);
* saturation blends with the grayscale image itself.

``blend(img, other, f) = clamp(f * img + (1 - f) * other, 0, 1)``; a factor of 1 gives the image back,
0 gives ``other``. Grayscale is ``0.2989 R + 0.587 G + 0.114 B`` (ITU-R 601).
"""

from __future__ import annotations

import torch


def adjust_brightness(img: torch.Tensor, factor: float) -> torch.Tensor:
    """Scale the brightness: ``clamp(factor * img, 0, 1)``.

    Args:
        img (Tensor[C, H, W] or Tensor[N, C, H, W]): float image(s) in ``[0, 1]``, C 1 or 3.
        factor (float): ``>= 0``; 0 gives black, 1 the image itself.

    Returns:
        Tensor: same shape, dtype and device as ``img``; a new tensor (``img`` is not modified).

    Raises:
        TypeError: ``img`` is not a floating-point tensor (a uint8 image too); the message names ``img``.
        ValueError: ``img`` has another shape or channel count (the message names ``img``), or
            ``factor < 0`` (the message names ``factor``).

    Example:
        >>> adjust_brightness(torch.tensor([[[0.2, 0.6]]]), 2.0)
        tensor([[[0.4000, 1.0000]]])
    """
    raise NotImplementedError


def adjust_contrast(img: torch.Tensor, factor: float) -> torch.Tensor:
    """Scale the contrast around the mean gray level of each image.

    Args:
        img (Tensor[C, H, W] or Tensor[N, C, H, W]): float image(s) in ``[0, 1]``, C 1 or 3.
        factor (float): ``>= 0``; 0 gives a flat gray image at the mean, 1 the image itself.

    Returns:
        Tensor: same shape, dtype and device as ``img``. In a batch each image uses its own mean.

    Raises:
        TypeError: ``img`` is not a floating-point tensor (a uint8 image too); the message names ``img``.
        ValueError: ``img`` has another shape or channel count (the message names ``img``), or
            ``factor < 0`` (the message names ``factor``).

    Example:
        >>> adjust_contrast(torch.tensor([[[0.2, 0.6]]]), 0.5)
        tensor([[[0.3000, 0.5000]]])
    """
    raise NotImplementedError


def adjust_saturation(img: torch.Tensor, factor: float) -> torch.Tensor:
    """Scale the saturation: blend each pixel with its own gray level.

    Args:
        img (Tensor[C, H, W] or Tensor[N, C, H, W]): float image(s) in ``[0, 1]``, C 1 or 3.
        factor (float): ``>= 0``; 0 gives the grayscale image (in every channel), 1 the image itself.
            A one-channel image is returned unchanged, as a copy (a new tensor with its own storage, never
            ``img`` itself nor a view of it).

    Returns:
        Tensor: same shape, dtype and device as ``img``.

    Raises:
        TypeError: ``img`` is not a floating-point tensor (a uint8 image too); the message names ``img``.
        ValueError: ``img`` has another shape or channel count (the message names ``img``), or
            ``factor < 0`` (the message names ``factor``).

    Example:
        >>> img = torch.tensor([[[1.0]], [[0.0]], [[0.0]]])  # one red pixel
        >>> adjust_saturation(img, 0.0).flatten()
        tensor([0.2989, 0.2989, 0.2989])
    """
    raise NotImplementedError


def color_jitter(img: torch.Tensor, brightness: float, contrast: float, saturation: float) -> torch.Tensor:
    """Brightness, then contrast, then saturation, each with the given factor (each step clamps).

    Args:
        img (Tensor[C, H, W] or Tensor[N, C, H, W]): float image(s) in ``[0, 1]``, C 1 or 3.
        brightness (float): factor for :func:`adjust_brightness`, ``>= 0``.
        contrast (float): factor for :func:`adjust_contrast`, ``>= 0``.
        saturation (float): factor for :func:`adjust_saturation`, ``>= 0``.

    Returns:
        Tensor: same shape, dtype and device as ``img``.

    Raises:
        TypeError: ``img`` is not a floating-point tensor (a uint8 image too); the message names ``img``.
        ValueError: ``img`` has another shape or channel count (the message names ``img``), or a factor is
            negative (the message names it: ``brightness``, ``contrast`` or ``saturation``).

    Example:
        >>> color_jitter(torch.tensor([[[0.2, 0.6]]]), 2.0, 0.5, 1.0)
        tensor([[[0.5500, 0.8500]]])
    """
    raise NotImplementedError
