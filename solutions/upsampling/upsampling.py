"""FCN的上采样又是怎么做的？你认为双线性插值和反卷积哪个效果会更好？

In English: And how does FCN do its upsampling? Which do you think works better, bilinear interpolation or
deconvolution?

Source: 000_1a4e42d0338c0b07.txt · 二面.

FCN upsamples its coarse score maps with transposed convolutions ("deconvolution") whose weights start as
a bilinear interpolation kernel; they may then be learned. Bilinear interpolation has no parameters and no
checkerboard artefacts; a learned transposed convolution can do better but can also produce checkerboard
patterns when its kernel size is not a multiple of its stride. Write both halves by hand:

* ``bilinear_interpolate(x, size, align_corners=False)``: the same values (and gradients) as
  ``F.interpolate(x, size=size, mode="bilinear", align_corners=align_corners)``, without any built-in
  resampling, under any name or route: ``F.interpolate`` in any mode (``"linear"`` along each axis and
  ``"trilinear"`` on a depth of 1 are bilinear too), ``F.upsample``/``F.upsample_bilinear``,
  ``nn.Upsample``, ``F.grid_sample``/``torch.grid_sampler``, the aten kernels behind them
  (``torch.ops.aten.upsample_*``, ``torch._C._nn.upsample_*``, ``grid_sampler_*``), or a reference to one
  kept from before the call. Indexing, ``gather``, ``torch.arange``, ``floor``, ``lerp`` and arithmetic are
  fine. Output pixel ``i`` of a
  side of length ``out`` reads the input side of length ``in`` at the source coordinate

  - ``align_corners=False`` (pixel centres; the default): ``(i + 0.5) * in / out - 0.5``, clamped below
    at 0;
  - ``align_corners=True`` (corner pixels aligned): ``i * (in - 1) / (out - 1)``, and 0 when ``out == 1``;

  and blends its two neighbours ``floor(src)`` and ``floor(src) + 1`` (the last pixel stands in for a
  neighbour past the end) with weights ``1 - frac`` and ``frac``, first along the height, then the width.
  No Python loop over pixels: an 8×16×128×128 batch goes to 256×256 in well under a second.
* ``bilinear_kernel(channels, factor)``: FCN's bilinear initialisation for a depthwise ``ConvTranspose2d``
  that upsamples by the integer ``factor``: a ``k × k`` kernel with ``k = 2 * factor - factor % 2``, the
  outer product of the triangle ``1 - |t - centre| / factor`` with itself (``centre = factor - 1`` for odd
  ``k``, ``factor - 0.5`` for even ``k``), repeated for every channel.
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


def _source(in_size: int, out_size: int, align_corners: bool, device: torch.device):
    """Left neighbour, right neighbour and weight of the right one, for every output position of one axis."""
    # float64 coordinates: exact for every size a tensor can have, so the neighbours never drift.
    i = torch.arange(out_size, dtype=torch.float64, device=device)
    if align_corners:
        src = i * ((in_size - 1) / (out_size - 1)) if out_size > 1 else torch.zeros_like(i)
    else:
        # Pixel i covers [i, i + 1) in output units, so its centre i + 0.5 maps to (i + 0.5) * in / out in
        # input units, which is the input pixel index src + 0.5. Before the first centre there is nothing
        # to the left to blend with: PyTorch clamps there (and the far end by repeating the last pixel).
        src = ((i + 0.5) * (in_size / out_size) - 0.5).clamp(min=0.0)
    left = src.floor().long().clamp(max=in_size - 1)
    right = (left + 1).clamp(max=in_size - 1)
    return left, right, src - left


def bilinear_interpolate(x: torch.Tensor, size: int | tuple[int, int], align_corners: bool = False) -> torch.Tensor:
    """Resize a batch of images with bilinear interpolation, by hand.

    Same values and gradients as ``F.interpolate(x, size=size, mode="bilinear", align_corners=...)``.

    Args:
        x (Tensor[N, C, H, W]): floating-point images, channels first; any strides. Not modified.
        size (int or (int, int)): the output ``(height, width)``; an int gives a square. Up, down or mixed.
        align_corners (bool): ``False`` treats pixels as unit squares and aligns their centres (the source
            coordinate is ``(i + 0.5) * in / out - 0.5``, clamped at 0); ``True`` maps the corner pixels onto
            each other (``i * (in - 1) / (out - 1)``).

    Returns:
        Tensor[N, C, size_h, size_w]: the resized images, the dtype (float16 and bfloat16 included) and
        device of ``x``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor, ``size`` is not an int or a pair of ints (a float
            or a bool is refused), or ``align_corners`` is not a bool (``1`` is refused).
        ValueError: ``x`` is not 4-D or has an empty side, or ``size`` is not positive.
        The message names the argument (``x``, ``size`` or ``align_corners``).

    Example:
        >>> x = torch.tensor([[[[0.0, 1.0, 2.0, 3.0]]]])
        >>> bilinear_interpolate(x, (1, 8))
        tensor([[[[0.0000, 0.2500, 0.7500, 1.2500, 1.7500, 2.2500, 2.7500, 3.0000]]]])
        >>> bilinear_interpolate(x, (1, 7), align_corners=True)
        tensor([[[[0.0000, 0.5000, 1.0000, 1.5000, 2.0000, 2.5000, 3.0000]]]])
    """
    if not isinstance(x, torch.Tensor) or not x.is_floating_point():
        raise TypeError(f"x: expected a floating-point tensor [N, C, H, W], got {getattr(x, 'dtype', type(x))}")
    if x.dim() != 4 or x.shape[-1] == 0 or x.shape[-2] == 0:
        raise ValueError(f"x: expected a 4-D tensor [N, C, H, W] with H, W >= 1, got shape {list(x.shape)}")
    if not isinstance(align_corners, bool):
        raise TypeError(f"align_corners: expected a bool, got {type(align_corners).__name__}")
    out_h, out_w = _check_size(size)
    in_h, in_w = x.shape[-2:]
    top, bottom, wy = _source(in_h, out_h, align_corners, x.device)
    left, right, wx = _source(in_w, out_w, align_corners, x.device)
    wy = wy.to(x.dtype).view(-1, 1)
    wx = wx.to(x.dtype)
    # Separable: blend rows first ([N, C, out_h, W]), then columns. Indexing gathers whole rows/columns at
    # once, and autograd scatters the gradient back through the same indices.
    # lerp(a, b, w) = a + w * (b - a) in one pass, without the temporaries of a * (1 - w) + b * w.
    rows = torch.lerp(x[..., top, :], x[..., bottom, :], wy)
    return torch.lerp(rows[..., left], rows[..., right], wx)


def bilinear_kernel(channels: int, factor: int) -> torch.Tensor:
    """FCN's bilinear initialisation for a depthwise transposed convolution that upsamples by ``factor``.

    With ``k = 2 * factor - factor % 2``, the weight of
    ``nn.ConvTranspose2d(channels, channels, k, stride=factor, padding=factor // 2, groups=channels,
    bias=False)`` set to this kernel maps ``[N, C, H, W]`` to ``[N, C, factor * H, factor * W]`` and
    reproduces ``bilinear_interpolate(x, (factor * H, factor * W), align_corners=False)`` everywhere except
    the outer ``factor // 2`` rows and columns on each side (where interpolation repeats the edge pixel and
    the transposed convolution has no neighbour there: its weights sum to less than 1).

    Args:
        channels (int): number of channels, >= 1 (one identical kernel each).
        factor (int): the integer upsampling factor, >= 1.

    Returns:
        Tensor[channels, 1, k, k]: ``kernel[c, 0, i, j] = tri(i) * tri(j)`` with
        ``tri(t) = 1 - |t - centre| / factor``, ``centre = factor - 1`` if ``k`` is odd else
        ``factor - 0.5``; torch's default dtype (``torch.get_default_dtype()``, float32 unless changed).

    Raises:
        TypeError: ``channels`` or ``factor`` is not an int (a float or a bool is refused).
        ValueError: ``channels`` or ``factor`` is below 1.
        The message names the argument (``channels`` or ``factor``).

    Example:
        >>> bilinear_kernel(1, 2)
        tensor([[[[0.0625, 0.1875, 0.1875, 0.0625],
                  [0.1875, 0.5625, 0.5625, 0.1875],
                  [0.1875, 0.5625, 0.5625, 0.1875],
                  [0.0625, 0.1875, 0.1875, 0.0625]]]])
        >>> bilinear_kernel(3, 3).shape
        torch.Size([3, 1, 5, 5])
    """
    for name, value in (("channels", channels), ("factor", factor)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name}: expected an int, got {type(value).__name__} {value!r}")
        if value < 1:
            raise ValueError(f"{name}: expected >= 1, got {value}")
    k = 2 * factor - factor % 2
    # Odd k has a centre tap; even k straddles the centre between two taps. Either way neighbouring output
    # pixels sit 1/factor apart in input units, which is the slope of the triangle.
    centre = factor - 1 if k % 2 == 1 else factor - 0.5
    t = torch.arange(k, dtype=torch.float64)
    tri = 1 - (t - centre).abs() / factor
    kernel = (tri[:, None] * tri[None, :]).to(torch.get_default_dtype())
    return kernel.expand(channels, 1, k, k).clone()
