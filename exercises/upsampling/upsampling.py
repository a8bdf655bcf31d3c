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
    raise NotImplementedError


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
    raise NotImplementedError
