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
    raise NotImplementedError


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
    raise NotImplementedError
