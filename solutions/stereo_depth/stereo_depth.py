"""11. 双摄像头如何实现3d检测:

In English: 11. How is 3-D detection done with two cameras:

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 (the notes leave the answer blank).

With two rectified cameras side by side, a point seen at column ``x_left`` in the left image appears at
``x_right`` in the right one, on the same row. The disparity ``d = x_left - x_right`` gives the depth by
similar triangles, ``Z = f * B / d`` (``f`` the focal length in pixels, ``B`` the baseline between the
cameras). With the depth of every pixel, the pinhole model turns pixels back into 3-D points, and 3-D
detection can work on those points.

Write the three steps: disparity to depth, back-projection of a depth map through the intrinsics ``K``,
and triangulation of one matched pair of pixels. Pixel ``(u, v)`` is column ``u``, row ``v``, and the
coordinates are those of the pixel's centre as the index (pixel ``[v, u]`` of an image is at ``(u, v)``).
The camera looks along +Z, with X to the right and Y down.
"""

from __future__ import annotations

import torch


def _as_tensor(name: str, value, like: torch.Tensor | None = None) -> torch.Tensor:
    if isinstance(value, torch.Tensor):
        if not value.is_floating_point():
            raise TypeError(f"{name}: expected a floating-point tensor, got dtype {value.dtype}")
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        dtype = like.dtype if like is not None else torch.get_default_dtype()
        return torch.tensor(float(value), dtype=dtype)
    raise TypeError(f"{name}: expected a number or a floating-point tensor, got {type(value).__name__}")


def disparity_to_depth(disparity: torch.Tensor, focal_px: float, baseline: float) -> torch.Tensor:
    """Depth from disparity: ``Z = focal_px * baseline / d`` where ``d > 0``, and 0 where ``d <= 0``.

    Args:
        disparity (Tensor[*]): disparities in pixels, floating point, any shape. A disparity that is not
            positive (no match, or an invalid one) gives depth 0.
        focal_px (float): focal length in pixels, ``> 0``.
        baseline (float): distance between the two camera centres (the depth comes in the same unit), ``> 0``.

    Returns:
        Tensor[*]: depth, same shape, dtype and device as ``disparity``; finite everywhere.

    Raises:
        TypeError: ``disparity`` is not a floating-point tensor; the message names ``disparity``.
        ValueError: ``focal_px`` or ``baseline`` is not positive (0 and NaN included); the message names
            the argument.

    Example:
        >>> disparity_to_depth(torch.tensor([10.0, 40.0, 0.0, -3.0]), focal_px=700.0, baseline=0.12)
        tensor([8.4000, 2.1000, 0.0000, 0.0000])
    """
    if not isinstance(disparity, torch.Tensor) or not disparity.is_floating_point():
        raise TypeError(f"disparity: expected a floating-point tensor, got {type(disparity).__name__}")
    if not focal_px > 0:
        raise ValueError(f"focal_px: expected a positive focal length in pixels, got {focal_px!r}")
    if not baseline > 0:
        raise ValueError(f"baseline: expected a positive distance, got {baseline!r}")
    valid = disparity > 0
    # Divide by a safe denominator: a bare where(valid, fB / d, 0) would still compute fB / 0 = inf in the
    # branch it throws away, and the gradient through that branch is NaN.
    safe = torch.where(valid, disparity, torch.ones_like(disparity))
    return torch.where(valid, focal_px * baseline / safe, torch.zeros_like(disparity))


def backproject(depth: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """3-D point of every pixel: ``[X, Y, Z] = depth * K^-1 [u, v, 1]``.

    Args:
        depth (Tensor[H, W]): depth ``Z`` of each pixel, floating point (0 where unknown).
        K (Tensor[3, 3]): camera intrinsics ``[[fx, s, cx], [0, fy, cy], [0, 0, 1]]`` (skew ``s`` allowed),
            floating point, of any floating dtype (converted to ``depth``'s).

    Returns:
        Tensor[H, W, 3]: ``(X, Y, Z)`` of pixel ``[v, u]``; ``depth``'s dtype and device (also when ``K`` has
        another dtype). A pixel of depth 0 gives the point ``(0, 0, 0)``.

    Raises:
        TypeError: ``depth`` is not a floating-point tensor; the message names ``depth``.
        ValueError: ``depth`` is not 2-D (the message names ``depth``), or ``K`` is not 3 x 3 with last row
            ``(0, 0, 1)`` (the message names ``K``).

    Example:
        >>> K = torch.tensor([[100.0, 0.0, 1.0], [0.0, 100.0, 0.5], [0.0, 0.0, 1.0]])
        >>> backproject(torch.full((2, 3), 2.0), K)[1, 2]
        tensor([0.0200, 0.0100, 2.0000])
    """
    if not isinstance(depth, torch.Tensor) or not depth.is_floating_point():
        raise TypeError(f"depth: expected a floating-point tensor of shape [H, W], got {type(depth).__name__}")
    if depth.dim() != 2:
        raise ValueError(f"depth: expected shape [H, W], got {list(depth.shape)}")
    if not isinstance(K, torch.Tensor) or K.shape != (3, 3):
        got = list(K.shape) if isinstance(K, torch.Tensor) else type(K).__name__
        raise ValueError(f"K: expected a 3 x 3 intrinsics matrix, got {got}")
    K = K.to(depth.dtype)
    if not torch.equal(K[2], torch.tensor([0.0, 0.0, 1.0], dtype=depth.dtype, device=K.device)):
        raise ValueError(f"K: expected the last row (0, 0, 1), got {K[2].tolist()}")
    h, w = depth.shape
    v, u = torch.meshgrid(
        torch.arange(h, dtype=depth.dtype, device=depth.device),
        torch.arange(w, dtype=depth.dtype, device=depth.device),
        indexing="ij",
    )
    pixels = torch.stack([u, v, torch.ones_like(u)], dim=-1)  # [H, W, 3] homogeneous
    rays = pixels @ torch.linalg.inv(K).T  # K^-1 [u, v, 1] for every pixel: the point at depth 1
    return rays * depth[..., None]


def triangulate(x_left, x_right, y, focal_px: float, baseline: float, cx: float, cy: float):
    """3-D point of a matched pair of pixels in two rectified cameras (the left camera's frame).

    ``d = x_left - x_right``, ``Z = focal_px * baseline / d``, ``X = (x_left - cx) * Z / focal_px``,
    ``Y = (y - cy) * Z / focal_px``. Where ``d <= 0`` the pair cannot be triangulated and
    ``(X, Y, Z)`` is ``(0, 0, 0)``, as :func:`disparity_to_depth` gives depth 0.

    Args:
        x_left (Tensor[*] or float): column of the point in the left image.
        x_right (Tensor[*] or float): column of the same point in the right image.
        y (Tensor[*] or float): its row (the same in both images after rectification).
        focal_px (float): focal length in pixels (the same in x and y), ``> 0``.
        baseline (float): distance between the camera centres, ``> 0``.
        cx (float): principal point, column.
        cy (float): principal point, row.

    Returns:
        tuple[Tensor, Tensor, Tensor]: ``(X, Y, Z)``, broadcast to a common shape; the inputs' floating
        dtype (0-d tensors of ``torch.get_default_dtype()`` for plain numbers, never Python floats).

    Raises:
        TypeError: ``x_left``, ``x_right`` or ``y`` is neither a number nor a floating-point tensor; the
            message names it.
        ValueError: ``focal_px`` or ``baseline`` is not positive; the message names the argument.

    Example:
        >>> X, Y, Z = triangulate(350.0, 330.0, 260.0, focal_px=700.0, baseline=0.1, cx=320.0, cy=240.0)
        >>> [round(t.item(), 4) for t in (X, Y, Z)]
        [0.15, 0.1, 3.5]
    """
    like = next((t for t in (x_left, x_right, y) if isinstance(t, torch.Tensor)), None)
    xl = _as_tensor("x_left", x_left, like)
    xr = _as_tensor("x_right", x_right, like)
    yy = _as_tensor("y", y, like)
    xl, xr, yy = torch.broadcast_tensors(xl, xr, yy)
    Z = disparity_to_depth(xl - xr, focal_px, baseline)
    X = (xl - cx) * Z / focal_px
    Y = (yy - cy) * Z / focal_px
    return X, Y, Z
