"""U-NET的特征融合怎么做的？

In English: How is feature fusion done in U-Net?

Source: 000_1a4e42d0338c0b07.txt · 二面 (the question, asked on its own: "U-NET的特征融合怎么做的？").

U-Net fuses by **concatenation**, not addition (FPN adds): at each decoder level the upsampled decoder
map is concatenated on the channel axis with the encoder map of the same level (the skip connection),
and the convolutions that follow mix the two. The original U-Net used unpadded convolutions, so the
encoder map is larger than the decoder map (568 → 392 pixels at the top level) and is **cropped around
its centre** first.

Write both steps for channels-first tensors:

* ``center_crop(x, size)``: the central ``h × w`` window of the last two axes of ``x`` (``[C, H, W]`` or
  ``[N, C, H, W]``), starting at row ``(H - h) // 2`` and column ``(W - w) // 2``; when the difference is
  odd the extra row/column is left at the bottom/right (unlike torchvision's ``center_crop``, which rounds
  ``(H - h) / 2`` to the nearest integer and pads crops larger than the image). A crop larger than the
  input raises ``ValueError``.
* ``unet_fuse(skip, up)``: crop ``skip`` to ``up``'s height and width, then concatenate on the channel axis,
  skip first: ``torch.cat([center_crop(skip, up.shape[-2:]), up], dim=1)``.
"""

from __future__ import annotations

import torch


def _check_size(size: int | tuple[int, int]) -> tuple[int, int]:
    if isinstance(size, int) and not isinstance(size, bool):
        pair = (size, size)
    elif isinstance(size, (tuple, list, torch.Size)) and len(size) == 2:
        pair = tuple(size)
    else:
        raise TypeError(f"size: expected an int or a pair of ints (height, width), got {size!r}")
    for s in pair:
        if isinstance(s, bool) or not isinstance(s, int):
            raise TypeError(f"size: expected ints, got {size!r}")
        if s < 1:
            raise ValueError(f"size: expected positive sizes, got {size!r}")
    return pair


def center_crop(x: torch.Tensor, size: int | tuple[int, int]) -> torch.Tensor:
    """The central window of the last two axes.

    Args:
        x (Tensor[..., H, W]): channels first, e.g. ``[C, H, W]`` or ``[N, C, H, W]``; at least 2-D.
        size (int or (int, int)): ``(h, w)`` of the window, ``1 <= h <= H``, ``1 <= w <= W``; an int gives
            a square.

    Returns:
        Tensor[..., h, w]: ``x[..., top:top + h, left:left + w]`` with ``top = (H - h) // 2`` and
        ``left = (W - w) // 2`` (rounded down: an odd leftover row or column stays at the bottom or right).
        A view of ``x`` (no copy: it shares ``x``'s storage, as slicing does), with its dtype and device.

    Raises:
        TypeError: ``x`` is not a tensor (the message names ``x``), or ``size`` is not an int or a pair of
            ints (the message names ``size``; a bool is not taken as an int).
        ValueError: ``x`` has fewer than 2 dimensions (the message names ``x``), or ``size`` is not
            positive or the window is larger than ``x`` in height or width (the message names ``size``).

    Example:
        >>> x = torch.arange(35).view(1, 5, 7)
        >>> center_crop(x, (2, 4))  # top = (5 - 2) // 2 = 1, left = (7 - 4) // 2 = 1
        tensor([[[ 8,  9, 10, 11],
                 [15, 16, 17, 18]]])
    """
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x: expected a tensor, got {type(x).__name__}")
    if x.dim() < 2:
        raise ValueError(f"x: expected at least 2 dimensions [..., H, W], got shape {list(x.shape)}")
    h, w = _check_size(size)
    height, width = x.shape[-2:]
    if h > height or w > width:
        raise ValueError(f"size: the crop ({h}, {w}) is larger than the input ({height}, {width})")
    # With an odd difference the window cannot sit exactly in the middle; floor division leaves the extra
    # pixel at the bottom/right. (U-Net's own sizes always differ by even amounts.)
    top = (height - h) // 2
    left = (width - w) // 2
    return x[..., top : top + h, left : left + w]


def unet_fuse(skip: torch.Tensor, up: torch.Tensor) -> torch.Tensor:
    """U-Net's skip fusion: centre-crop the encoder map to the decoder map's size, concatenate, skip first.

    Args:
        skip (Tensor[N, C_skip, H, W]): the encoder map (the skip connection), at least as large as ``up``.
        up (Tensor[N, C_up, h, w]): the upsampled decoder map; same batch size and dtype as ``skip``.

    Returns:
        Tensor[N, C_skip + C_up, h, w]: channels ``0 … C_skip - 1`` are ``center_crop(skip, (h, w))``, the
        rest are ``up``. A new tensor; the inputs are not modified.

    Raises:
        TypeError: an argument is not a tensor (the message names it: ``skip`` or ``up``), or ``up`` and
            ``skip`` have different dtypes (no silent type promotion; the message names ``up``).
        ValueError: an argument is not 4-D (the message names it: ``skip`` or ``up``), the batch sizes
            differ (the message says "batch"), or ``up`` is larger than ``skip`` (the message names
            ``up``).

    Example:
        >>> skip = torch.arange(16.0).view(1, 1, 4, 4)
        >>> up = torch.full((1, 2, 2, 2), -1.0)
        >>> unet_fuse(skip, up)
        tensor([[[[ 5.,  6.],
                  [ 9., 10.]],
        <BLANKLINE>
                 [[-1., -1.],
                  [-1., -1.]],
        <BLANKLINE>
                 [[-1., -1.],
                  [-1., -1.]]]])
    """
    for name, t in (("skip", skip), ("up", up)):
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"{name}: expected a tensor, got {type(t).__name__}")
        if t.dim() != 4:
            raise ValueError(f"{name}: expected a 4-D tensor [N, C, H, W], got shape {list(t.shape)}")
    if skip.shape[0] != up.shape[0]:
        raise ValueError(f"up: expected the batch size of skip ({skip.shape[0]}), got {up.shape[0]}")
    if skip.dtype != up.dtype:
        raise TypeError(f"up: expected the dtype of skip ({skip.dtype}), got {up.dtype}")
    h, w = up.shape[-2:]
    if h > skip.shape[-2] or w > skip.shape[-1]:
        raise ValueError(
            f"up: spatial size ({h}, {w}) is larger than skip's ({skip.shape[-2]}, {skip.shape[-1]}); "
            f"only the encoder map is cropped"
        )
    # Concatenation keeps both maps intact for the next convolutions to weigh; the order (encoder first)
    # matters only because those convolutions' weights are laid out for it.
    return torch.cat([center_crop(skip, (h, w)), up], dim=1)
