"""Mask RCNN 如何解决 unalignment?

In English: How does Mask R-CNN solve the misalignment ("unalignment")?

Source: 000_1a4e42d0338c0b07.txt · 一面 (the notes' answer: "ROI Align通过双线性插值精确地对齐感兴趣区域
（RoI）和特征图，避免了ROI Pooling中由于量化而导致的不精确对齐").

Write RoI Pool (Fast R-CNN) and RoI Align (Mask R-CNN) by hand, vectorised, giving the same numbers as
``torchvision.ops.roi_pool`` and ``torchvision.ops.roi_align``. Each region of interest (RoI) is a box on
the input image, ``(batch_index, x1, y1, x2, y2)``; ``spatial_scale`` maps it onto the feature map (``1/16``
for a stride-16 map). The RoI is cut into an ``output_size`` grid of bins and every bin is pooled into one
value per channel.

* RoI Pool quantises twice: it rounds the scaled box to whole pixels (half away from zero, as C's
  ``round``), takes the pixels ``x1 .. x2`` inclusive (``x2 - x1 + 1`` wide, at least 1), cuts that into
  bins with ``floor`` / ``ceil`` edges (``floor(j * w / ow)`` to ``ceil((j + 1) * w / ow)``, offset by the
  box and clipped to the map), and takes the maximum of each bin; an empty bin gives 0.
* RoI Align never rounds. Bin ``(i, j)`` is the rectangle of size ``(h / oh, w / ow)`` at its place in the
  box; its sample points are the centres of a ``gh x gw`` subdivision of it (``gh = sampling_ratio``, or
  ``ceil(h / oh)`` when ``sampling_ratio <= 0``; likewise ``gw``), and the bin's value is the mean of the
  feature map sampled bilinearly at those points. Bilinear sampling puts the value of feature pixel
  ``(r, c)`` at the point ``(x, y) = (c, r)``, while that pixel covers ``[c, c + 1] x [r, r + 1]`` of the
  map, so ``aligned=False`` (the original Mask R-CNN) samples half a pixel off; ``aligned=True`` first
  shifts the box by ``-0.5`` to fix that. With ``aligned=False`` a box narrower or shorter than 1 is widened to 1.
  A sample point with ``y < -1`` or ``y > H`` (or ``x < -1`` or ``x > W``) counts as 0; one between -1 and
  0 (or between ``H - 1`` and ``H``) reads the edge pixel.

By hand: none of the built-ins that would sample or pool for you, under any name or route (``F.``,
``torch.``, ``torch._C._nn``, ``torch.ops.aten``, a reference kept from before): ``grid_sample`` /
``grid_sampler``, ``interpolate`` / ``upsample``, the max and average pools (``max_pool2d``,
``adaptive_max_pool2d``, ``avg_pool2d``, ``adaptive_avg_pool2d`` and their 1-D and 3-D forms),
torchvision's ``roi_align`` / ``roi_pool`` / ``ps_roi_align`` / ``ps_roi_pool`` and its Python RoI Align.
Indexing, ``gather``, ``amax``, ``embedding_bag`` and arithmetic are fine. Vectorise:
no Python loop over sample points or channels (400 RoIs of 7 x 7 bins with 4 x 4 sample points each, on
256 channels, must take well under a second); a loop over the RoIs is fine, and for RoI Pool, whose bins
differ in size, one over the bins too. Compute coordinates in the input's dtype, as torchvision's kernels
do (boxes of another dtype are converted first): with ``spatial_scale=0.3`` a box edge at 50 lands at
``15.000001`` in float32 but ``15.0`` in float64, so 3 adaptive bins get ``ceil(15.000001 / 3) = 6`` sample
points, not 5; near a half it also changes RoI Pool's rounding. Gradients with respect to ``input`` must
flow (autograd is enough).
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
    # The kernels scale the corners in the input's dtype (float32 * float32 for float32 maps); the rounding
    # of RoI Pool depends on it (8.333333 * 0.3 is 2.5 in float32, 2.4999999 in float64).
    return index.long().to(input.device), boxes.detach()[:, 1:].to(dtype=input.dtype, device=input.device)


def _round_half_away(x: torch.Tensor) -> torch.Tensor:
    # C's round(): 2.5 -> 3, -2.5 -> -3. torch.round rounds half to even (2.5 -> 2), which moves boxes.
    # floor(x + 0.5) is not exact either: 2.4999999 + 0.5 rounds up to 3.0 in float32. Splitting off the
    # fractional part is exact.
    whole = x.trunc()
    return whole + torch.where((x - whole).abs() >= 0.5, torch.sign(x), torch.zeros_like(x))


def roi_pool(
    input: torch.Tensor,
    boxes: torch.Tensor,
    output_size: int | tuple[int, int],
    spatial_scale: float = 1.0,
) -> torch.Tensor:
    """RoI Pool (Fast R-CNN): max over each bin of the rounded box; same as ``torchvision.ops.roi_pool``.

    Args:
        input (Tensor[N, C, H, W]): floating-point feature maps.
        boxes (Tensor[K, 5]): ``(batch_index, x1, y1, x2, y2)`` in image coordinates, floating point
            (used in the input's dtype); ``batch_index`` a whole number in ``[0, N)``, ``x1 <= x2``,
            ``y1 <= y2``. Boxes may reach outside the map.
        output_size (int or (int, int)): ``(oh, ow)``, the bins per RoI; an int means a square grid.
        spatial_scale (float): multiplies the box coordinates to get feature-map coordinates (``> 0``).

    Returns:
        Tensor[K, C, oh, ow]: the maximum of each bin (0 for a bin with no pixel inside the map); the
        input's dtype and device. ``K`` may be 0 (the arguments are checked all the same).

    Raises:
        TypeError: ``input`` or ``boxes`` is not a floating-point tensor (an integer tensor, a list);
            ``output_size`` is not an int or a pair of ints (a float or a bool is refused).
        ValueError: a shape is wrong, a batch index is not a whole number in ``[0, N)``, a box has
            ``x2 < x1`` or ``y2 < y1``, ``output_size`` is not positive, ``spatial_scale <= 0``.
        Every message names the argument (``input``, ``boxes``, ``output_size`` or ``spatial_scale``).

    Example:
        >>> x = torch.arange(16.0).reshape(1, 1, 4, 4)
        >>> roi_pool(x, torch.tensor([[0.0, 0.0, 0.0, 3.0, 3.0]]), output_size=2)
        tensor([[[[ 5.,  7.],
                  [13., 15.]]]])
    """
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    h, w = input.shape[2:]
    dtype = input.dtype
    # Rounded to whole pixels, then measured inclusively (pixels x1..x2), as Fast R-CNN did.
    x1, y1, x2, y2 = _round_half_away(corners * spatial_scale).long().unbind(1)
    roi_w = (x2 - x1 + 1).clamp(min=1)
    roi_h = (y2 - y1 + 1).clamp(min=1)
    # Bin sizes in the input's dtype, as the C++ kernel computes them: floor/ceil of i * bin must match.
    bin_w = roi_w.to(dtype) / ow
    bin_h = roi_h.to(dtype) / oh
    cols = torch.arange(ow, dtype=dtype, device=input.device)
    rows = torch.arange(oh, dtype=dtype, device=input.device)
    w_start = (torch.floor(cols * bin_w[:, None]).long() + x1[:, None]).clamp(0, w)  # [K, ow]
    w_end = (torch.ceil((cols + 1) * bin_w[:, None]).long() + x1[:, None]).clamp(0, w)
    h_start = (torch.floor(rows * bin_h[:, None]).long() + y1[:, None]).clamp(0, h)  # [K, oh]
    h_end = (torch.ceil((rows + 1) * bin_h[:, None]).long() + y1[:, None]).clamp(0, h)

    return _max_over_bins(input, batch, h_start, h_end, w_start, w_end)


def _max_over_bins(input, batch, h_start, h_end, w_start, w_end) -> torch.Tensor:
    """Max of ``input[batch[k], :, h_start[k, i]:h_end[k, i], w_start[k, j]:w_end[k, j]]``; 0 if empty."""
    n, c, h, w = input.shape
    k, oh, ow = len(batch), h_start.shape[1], w_start.shape[1]
    # Every bin is a rectangle of whole pixels, of its own size. List the pixels of all bins in one flat
    # index (bin after bin) and let embedding_bag take the max of each "bag": a gather and a reduction in
    # one pass, all bins and channels at once, and an empty bag (a bin off the map) gives 0.
    bin_h_px = (h_end - h_start).clamp(min=0)[:, :, None].expand(k, oh, ow).reshape(-1)
    bin_w_px = (w_end - w_start).clamp(min=0)[:, None, :].expand(k, oh, ow).reshape(-1)
    top = h_start[:, :, None].expand(k, oh, ow).reshape(-1)
    left = w_start[:, None, :].expand(k, oh, ow).reshape(-1)
    image = batch[:, None, None].expand(k, oh, ow).reshape(-1)
    sizes = bin_h_px * bin_w_px
    offsets = torch.cumsum(sizes, 0) - sizes
    bag = torch.repeat_interleave(torch.arange(len(sizes), device=input.device), sizes)
    local = torch.arange(len(bag), device=input.device) - offsets[bag]  # position inside its bin, row-major
    r = top[bag] + local // bin_w_px[bag]
    col = left[bag] + local % bin_w_px[bag]
    pixels = input.permute(0, 2, 3, 1).reshape(n * h * w, c)  # one row per pixel, all its channels
    pooled = F.embedding_bag(image[bag] * (h * w) + r * w + col, pixels, offsets, mode="max")
    return pooled.reshape(k, oh, ow, c).permute(0, 3, 1, 2).contiguous()


def _sample_points(start: torch.Tensor, bin_size: torch.Tensor, bins: int, grid: int) -> torch.Tensor:
    """Coordinates ``[k, bins * grid]`` of the sample points along one axis, bin-major."""
    p = torch.arange(bins, dtype=start.dtype, device=start.device)
    g = torch.arange(grid, dtype=start.dtype, device=start.device)
    # Same expression and order as torchvision: start + p * bin + (g + 0.5) * bin / grid.
    pts = (
        start[:, None, None]
        + p[None, :, None] * bin_size[:, None, None]
        + (g[None, None, :] + 0.5) * bin_size[:, None, None] / max(grid, 1)
    )
    return pts.reshape(len(start), bins * grid)


def _neighbours(coord: torch.Tensor, size: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """The two pixels around each coordinate and their bilinear weights (both 0 outside ``[-1, size]``)."""
    inside = (coord >= -1.0) & (coord <= size)
    coord = coord.clamp(min=0)
    low = coord.floor().long()
    # At or past the last pixel both neighbours are the last pixel: reading "size" would be out of range.
    at_edge = low >= size - 1
    low = low.clamp(max=size - 1)
    high = torch.where(at_edge, low, low + 1)
    coord = torch.where(at_edge, low.to(coord.dtype), coord)
    frac = coord - low.to(coord.dtype)
    zero = torch.zeros((), dtype=coord.dtype, device=coord.device)
    return low, high, torch.where(inside, 1 - frac, zero), torch.where(inside, frac, zero)


def roi_align(
    input: torch.Tensor,
    boxes: torch.Tensor,
    output_size: int | tuple[int, int],
    spatial_scale: float = 1.0,
    sampling_ratio: int = -1,
    aligned: bool = False,
) -> torch.Tensor:
    """RoI Align (Mask R-CNN): bilinear samples averaged per bin; same as ``torchvision.ops.roi_align``.

    Args:
        input (Tensor[N, C, H, W]): floating-point feature maps.
        boxes (Tensor[K, 5]): ``(batch_index, x1, y1, x2, y2)`` in image coordinates, floating point
            (used in the input's dtype); ``batch_index`` a whole number in ``[0, N)``, ``x1 <= x2``,
            ``y1 <= y2``. Boxes may reach outside the map.
        output_size (int or (int, int)): ``(oh, ow)``, the bins per RoI; an int means a square grid.
        spatial_scale (float): multiplies the box coordinates to get feature-map coordinates (``> 0``).
        sampling_ratio (int): sample points per bin along each axis; ``<= 0`` means adaptive,
            ``ceil(roi_height / oh)`` by ``ceil(roi_width / ow)``.
        aligned (bool): shift the scaled box by ``-0.5`` so that pixel centres line up (Detectron2's
            ``ROIAlignV2``); ``False`` is the original Mask R-CNN, which also widens boxes to at least 1.

    Returns:
        Tensor[K, C, oh, ow]: the mean of the bilinear samples of each bin (a sample far outside the map
        counts as 0); the input's dtype and device; differentiable with respect to ``input``. ``K`` may be
        0 (the arguments are checked all the same).

    Raises:
        TypeError: ``input`` or ``boxes`` is not a floating-point tensor (an integer tensor, a list);
            ``output_size`` is not an int or a pair of ints, or ``sampling_ratio`` is not an int (a float
            or a bool is refused).
        ValueError: a shape is wrong, a batch index is not a whole number in ``[0, N)``, a box has
            ``x2 < x1`` or ``y2 < y1``, ``output_size`` is not positive, ``spatial_scale <= 0``.
        Every message names the argument (``input``, ``boxes``, ``output_size``, ``spatial_scale`` or
        ``sampling_ratio``).

    Example:
        >>> x = torch.arange(16.0).reshape(1, 1, 4, 4)
        >>> roi_align(x, torch.tensor([[0.0, 0.0, 0.0, 2.0, 2.0]]), output_size=2, sampling_ratio=2)
        tensor([[[[2.5000, 3.5000],
                  [6.5000, 7.5000]]]])
    """
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    if isinstance(sampling_ratio, bool) or not isinstance(sampling_ratio, int):
        raise TypeError(f"sampling_ratio: expected an int, got {sampling_ratio!r}")
    offset = 0.5 if aligned else 0.0
    x1, y1, x2, y2 = (corners * spatial_scale - offset).unbind(1)
    roi_w, roi_h = x2 - x1, y2 - y1
    if not aligned:
        # The original RoIAlign forced tiny boxes to 1x1 (aligned=True keeps them tiny).
        roi_w, roi_h = roi_w.clamp(min=1.0), roi_h.clamp(min=1.0)
    bin_w, bin_h = roi_w / ow, roi_h / oh
    if sampling_ratio > 0:
        grid_w = torch.full_like(batch, sampling_ratio)
        grid_h = torch.full_like(batch, sampling_ratio)
    else:
        grid_w = torch.ceil(roi_w / ow).long()
        grid_h = torch.ceil(roi_h / oh).long()

    return _average_samples(input, batch, x1, y1, bin_w, bin_h, grid_h, grid_w, oh, ow)


def _average_samples(input, batch, x1, y1, bin_w, bin_h, grid_h, grid_w, oh, ow) -> torch.Tensor:
    """Mean of the bilinear samples of each bin.

    Bin (i, j) of RoI k starts at ``(x1 + j * bin_w, y1 + i * bin_h)`` and holds ``grid_h[k] x grid_w[k]`` points.
    """
    n, c, h, w = input.shape
    out = input.new_zeros(len(batch), c, oh, ow)
    pixels = input.permute(0, 2, 3, 1).reshape(n * h * w, c)  # one row per pixel, all its channels
    # RoIs with the same sample grid are done together: their sample points form one regular tensor.
    shapes = torch.stack([grid_h, grid_w], dim=1).unique(dim=0).tolist()
    for gh, gw in shapes:
        if gh * gw == 0:
            continue  # a zero-size box with aligned=True has no sample point: torchvision gives 0
        sel = ((grid_h == gh) & (grid_w == gw)).nonzero().squeeze(1)
        k = len(sel)
        y_lo, y_hi, wy_lo, wy_hi = _neighbours(_sample_points(y1[sel], bin_h[sel], oh, gh), h)
        x_lo, x_hi, wx_lo, wx_hi = _neighbours(_sample_points(x1[sel], bin_w[sel], ow, gw), w)
        # Bilinear interpolation reads the two neighbours along each axis, each weighted by its nearness:
        # [k, oh, gh, 2] rows and [k, ow, gw, 2] columns.
        yi = torch.stack([y_lo, y_hi], dim=-1).reshape(k, oh, gh, 2)
        xi = torch.stack([x_lo, x_hi], dim=-1).reshape(k, ow, gw, 2)
        wy = torch.stack([wy_lo, wy_hi], dim=-1).reshape(k, oh, gh, 2)
        wx = torch.stack([wx_lo, wx_hi], dim=-1).reshape(k, ow, gw, 2)
        # Bin (i, j) reads gh*2 rows times gw*2 columns: [k, oh, ow, gh, 2, gw, 2] pixel indices and weights,
        # the weights already divided by the number of sample points, so that a weighted sum is the mean.
        index = (
            (batch[sel] * (h * w))[:, None, None, None, None, None, None]
            + yi[:, :, None, :, :, None, None] * w
            + xi[:, None, :, None, None, :, :]
        )
        weight = wy[:, :, None, :, :, None, None] * wx[:, None, :, None, None, :, :] / (gh * gw)
        # embedding_bag = gather the rows of `pixels` named by each bag, then their weighted sum, without
        # ever holding the [bins, samples, channels] tensor of gathered values.
        pooled = F.embedding_bag(
            index.reshape(k * oh * ow, -1), pixels, per_sample_weights=weight.reshape(k * oh * ow, -1), mode="sum"
        )
        out[sel] = pooled.reshape(k, oh, ow, c).permute(0, 3, 1, 2)
    return out
