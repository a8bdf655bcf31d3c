"""RFCN里的 position sensitive score map 的原理？解决了什么问题？

In English: What is the principle of the position-sensitive score maps in R-FCN? What problem do they solve?

Source: 000_1a4e42d0338c0b07.txt · 一面.

R-FCN's position-sensitive score maps: the last convolution gives ``C * oh * ow`` channels, one group of
``C`` scores for every cell of an ``oh x ow`` grid ("top-left part of an object", "top-centre", ...).
Position-sensitive RoI pooling cuts each RoI into that grid and fills bin ``(i, j)`` of output channel
``c`` from its own input channel ``(c * oh + i) * ow + j`` only, by averaging it over the bin. A bin thus
only scores "is this the (i, j) part of a c?", which puts back the translation variance that detection
needs on top of a fully convolutional (shared, RoI-free) backbone, with no per-RoI fully connected layers.

Write it the way ``torchvision.ops.ps_roi_pool`` computes it. Each RoI ``(batch_index, x1, y1, x2, y2)`` is
multiplied by ``spatial_scale`` (in the input's dtype) and rounded to whole pixels, halves away from zero
(C's ``round``); its size is ``x2 - x1`` by ``y2 - y1``, at least 1. Bin ``(i, j)`` covers rows
``y1 + floor(i * h / oh)`` up to (not including) ``y1 + ceil((i + 1) * h / oh)``, columns likewise, each
edge clipped to ``[0, H - 1]`` and ``[0, W - 1]`` - so, as in torchvision's kernels, no bin ever reads the
last row or the last column of the map. The bin size ``h / oh`` and the products ``i * h / oh`` are
computed in the input's dtype as well, as the kernel does: in float32, ``13 * (7 / 13)`` comes out a
little above 7, so the last of 13 bins over 7 rows ends at row 8, not 7. The value is the mean of the
bin's pixels; a bin with no pixel gives 0. Gradients with respect to ``input`` must flow.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


def _pair(output_size: int | tuple[int, int]) -> tuple[int, int]:
    if isinstance(output_size, bool):
        raise TypeError(f"output_size: expected an int or a pair (height, width) of ints, got {output_size!r}")
    if isinstance(output_size, int):
        size = (output_size, output_size)
    elif isinstance(output_size, (tuple, list)) and len(output_size) == 2:
        size = tuple(output_size)
        if not all(isinstance(s, int) and not isinstance(s, bool) for s in size):
            raise TypeError(f"output_size: expected a pair (height, width) of ints, got {output_size!r}")
    else:
        raise TypeError(f"output_size: expected an int or a pair (height, width) of ints, got {output_size!r}")
    if size[0] <= 0 or size[1] <= 0:
        raise ValueError(f"output_size: expected positive sizes, got {output_size!r}")
    return size


def _check(input: torch.Tensor, boxes: torch.Tensor, spatial_scale: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Validate; return the batch index of each RoI (int64) and its corners ``[K, 4]`` in the input's dtype."""
    if not isinstance(input, torch.Tensor) or not input.is_floating_point():
        what = f"dtype {input.dtype}" if isinstance(input, torch.Tensor) else type(input).__name__
        raise TypeError(f"input: expected a floating-point tensor [N, C, H, W], got {what}")
    if input.dim() != 4:
        raise ValueError(f"input: expected shape [N, C, H, W], got {list(input.shape)}")
    if not isinstance(boxes, torch.Tensor) or not boxes.is_floating_point():
        what = f"dtype {boxes.dtype}" if isinstance(boxes, torch.Tensor) else type(boxes).__name__
        raise TypeError(f"boxes: expected a floating-point tensor [K, 5], got {what}")
    if boxes.dim() != 2 or boxes.shape[1] != 5:
        raise ValueError(f"boxes: expected shape [K, 5] (batch_index, x1, y1, x2, y2), got {list(boxes.shape)}")
    if isinstance(spatial_scale, bool) or not isinstance(spatial_scale, (int, float)) or not spatial_scale > 0:
        raise ValueError(f"spatial_scale: expected a positive number, got {spatial_scale!r}")
    b = boxes.detach().to(torch.float64)
    index = b[:, 0]
    n = input.shape[0]
    if bool(((index != index.round()) | (index < 0) | (index >= n)).any()):
        raise ValueError(f"boxes: column 0 must hold whole batch indices in [0, {n}), got {index.tolist()}")
    if bool(((b[:, 3] < b[:, 1]) | (b[:, 4] < b[:, 2])).any()):
        raise ValueError("boxes: expected x1 <= x2 and y1 <= y2 for every RoI")
    # Scaled in the input's dtype, as the kernel does: it decides which way a corner near a half rounds.
    return index.long().to(input.device), boxes.detach()[:, 1:].to(dtype=input.dtype, device=input.device)


def _round_half_away(x: torch.Tensor) -> torch.Tensor:
    # C's round(): 2.5 -> 3, -2.5 -> -3 (torch.round sends halves to even). Splitting off the fraction is
    # exact, where floor(x + 0.5) can round up in float32.
    whole = x.trunc()
    return whole + torch.where((x - whole).abs() >= 0.5, torch.sign(x), torch.zeros_like(x))


def ps_roi_pool(
    input: torch.Tensor,
    boxes: torch.Tensor,
    output_size: int | tuple[int, int],
    spatial_scale: float = 1.0,
) -> torch.Tensor:
    """Position-sensitive RoI pooling (R-FCN); same as ``torchvision.ops.ps_roi_pool``.

    Args:
        input (Tensor[N, C * oh * ow, H, W]): floating-point position-sensitive score maps; channel
            ``(c * oh + i) * ow + j`` holds class (or feature) ``c`` for bin ``(i, j)``.
        boxes (Tensor[K, 5]): ``(batch_index, x1, y1, x2, y2)`` in image coordinates, floating point
            (used in the input's dtype); ``batch_index`` a whole number in ``[0, N)``, ``x1 <= x2``,
            ``y1 <= y2``. Boxes may reach outside the map.
        output_size (int or (int, int)): ``(oh, ow)``, the bins per RoI; an int means a square grid.
        spatial_scale (float): multiplies the box coordinates to get feature-map coordinates (``> 0``).

    Returns:
        Tensor[K, C, oh, ow]: ``out[k, c, i, j]`` is the mean of input channel ``(c * oh + i) * ow + j``
        over bin ``(i, j)`` of RoI ``k`` (0 for an empty bin); the input's dtype and device;
        differentiable with respect to ``input``.

    Raises:
        TypeError: ``input`` or ``boxes`` is not a floating-point tensor (a list, an integer tensor);
            ``output_size`` is not an int or a pair of ints (a float or a bool is refused).
        ValueError: a shape is wrong, the channels of ``input`` are not a multiple of ``oh * ow``, a batch
            index is not a whole number in ``[0, N)``, a box has ``x2 < x1`` or ``y2 < y1``,
            ``output_size`` is not positive, ``spatial_scale <= 0``.
        Every message names the argument (``input``, ``boxes``, ``output_size`` or ``spatial_scale``).
        These checks come first, also when there is no RoI.

    Example:
        >>> x = torch.arange(4.0).reshape(1, 4, 1, 1).expand(1, 4, 3, 3)  # channel k is k everywhere
        >>> ps_roi_pool(x, torch.tensor([[0.0, 0.0, 0.0, 2.0, 2.0]]), output_size=2)
        tensor([[[[0., 1.],
                  [2., 3.]]]])
    """
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow) != 0:
        raise ValueError(
            f"input: expected a number of channels divisible by oh * ow = {oh * ow} (output_size {(oh, ow)}), "
            f"got {c_in}"
        )
    c_out = c_in // (oh * ow)
    h_start, h_end, w_start, w_end = _bin_edges(corners * spatial_scale, oh, ow, h, w)
    # Bin (i, j) of output channel c reads input channel (c * oh + i) * ow + j.
    channel = torch.arange(c_in, device=input.device).reshape(1, c_out, oh, ow)
    return _bin_means(input, batch, channel, h_start, h_end, w_start, w_end)


def _bin_edges(corners: torch.Tensor, oh: int, ow: int, h: int, w: int):
    """Row ranges ``[K, oh]`` and column ranges ``[K, ow]`` of every bin: starts and (exclusive) ends."""
    dtype, device = corners.dtype, corners.device
    x1, y1, x2, y2 = _round_half_away(corners).long().unbind(1)
    # Unlike RoI Pool, no "+ 1": the rounded box is x2 - x1 pixels wide, at least 1.
    bin_w = (x2 - x1).clamp(min=1).to(dtype) / ow
    bin_h = (y2 - y1).clamp(min=1).to(dtype) / oh
    cols = torch.arange(ow, dtype=dtype, device=device)
    rows = torch.arange(oh, dtype=dtype, device=device)
    # torchvision clips both edges to the last pixel *index* (H - 1), not to H: a bin that reaches the
    # bottom or right border stops one pixel short.
    w_start = (torch.floor(cols * bin_w[:, None]).long() + x1[:, None]).clamp(0, w - 1)
    w_end = (torch.ceil((cols + 1) * bin_w[:, None]).long() + x1[:, None]).clamp(0, w - 1)
    h_start = (torch.floor(rows * bin_h[:, None]).long() + y1[:, None]).clamp(0, h - 1)
    h_end = (torch.ceil((rows + 1) * bin_h[:, None]).long() + y1[:, None]).clamp(0, h - 1)
    return h_start, h_end, w_start, w_end


def _bin_means(input, batch, channel, h_start, h_end, w_start, w_end) -> torch.Tensor:
    """``out[k, c, i, j]`` = mean of ``input[batch[k], channel[0, c, i, j]]`` over bin (i, j) of RoI k; 0 if empty."""
    # Summed-area table: table[b, ch, r, c] = sum of input[b, ch, :r, :c]. Any rectangle's sum is then four
    # lookups, so every bin of every RoI is read at once. float64 keeps the differences of large running
    # sums exact enough for float32 inputs.
    table = F.pad(input.to(torch.float64).cumsum(2).cumsum(3), (1, 0, 1, 0))
    b = batch[:, None, None, None]
    top, bottom = h_start[:, None, :, None], h_end[:, None, :, None]
    left, right = w_start[:, None, None, :], w_end[:, None, None, :]
    total = table[b, channel, bottom, right] - table[b, channel, top, right]
    total = total - table[b, channel, bottom, left] + table[b, channel, top, left]
    area = (bottom - top) * (right - left)
    empty = (bottom <= top) | (right <= left)
    mean = total / area.clamp(min=1).to(torch.float64)
    zero = torch.zeros((), dtype=torch.float64, device=input.device)
    return torch.where(empty, zero, mean).to(input.dtype)
