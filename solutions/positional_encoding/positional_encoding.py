"""9. transformer编码顺序信息:

In English: 9. How a transformer encodes order information:

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 · 9. transformer编码顺序信息.

The notes' answer: sin and cos make the encoding of a word's index "equivalently linear" and independent of
the sentence length (用sin, cosin实现每个句子中词index等价线性, 不受句子长度影响): index 2 is encoded the same
way in a sentence of 4 words and in one of 10. Make both claims concrete:

1. ``sinusoidal_encoding(length, d_model, base=10000.0)`` returns the table of "Attention Is All You Need":
   ``PE[p, 2i] = sin(p / base^(2i / d_model))`` and ``PE[p, 2i + 1] = cos(p / base^(2i / d_model))``,
   sines in the even columns and cosines in the odd ones (interleaved, not two halves).
2. ``offset_matrix(offset, d_model, base=10000.0)`` returns the matrix ``M`` that moves every position by
   ``offset``: ``PE[p + offset] == PE[p] @ M.T`` for every ``p``. It does not depend on ``p``, which is
   what "linear" means here: attention can learn to look a fixed distance away.

``d_model`` must be even (each frequency needs a sine and a cosine column). Both functions take a keyword
``dtype`` (default ``torch.get_default_dtype()``, read at call time); compute the angles and their sines and
cosines in float64, then convert once, so that a float64 table is accurate to float64 and a float32 one is
the float64 one correctly rounded (also for long tables, where float32 angles drift by ``p * 6e-8``).
"""

from __future__ import annotations

import math

import torch


def _check(d_model: int, base: float) -> None:
    if isinstance(d_model, bool) or not isinstance(d_model, int):
        raise TypeError(f"d_model: expected an int, got {type(d_model).__name__}")
    if d_model <= 0 or d_model % 2:
        raise ValueError(f"d_model: expected a positive even number (a sine and a cosine per frequency), got {d_model}")
    if isinstance(base, bool) or not isinstance(base, (int, float)) or not base > 0 or not math.isfinite(base):
        raise ValueError(f"base: expected a positive finite number, got {base!r}")


def _frequencies(d_model: int, base: float) -> torch.Tensor:
    # omega_i = base^(-2i/d): geometric from 1 down to almost 1/base, one per (sin, cos) pair.
    return torch.pow(float(base), -torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)


def sinusoidal_encoding(
    length: int, d_model: int, base: float = 10000.0, *, dtype: torch.dtype | None = None
) -> torch.Tensor:
    """The sinusoidal position table of the original Transformer.

    Args:
        length (int): number of positions ``p = 0 .. length - 1``; 0 gives an empty table.
        d_model (int): width of the encoding; a positive even number.
        base (float): the wavelength scale; column pair ``i`` has angular frequency ``base^(-2i / d_model)``.
        dtype (torch.dtype, optional): dtype of the result; default ``torch.get_default_dtype()``.

    Returns:
        Tensor[length, d_model]: ``out[p, 2i] = sin(p * base^(-2i / d_model))`` and
        ``out[p, 2i + 1] = cos(p * base^(-2i / d_model))``. Row ``p`` is the same whatever ``length`` is.

    Raises:
        TypeError: ``length`` or ``d_model`` is not an int (a bool is not taken as an int); the message
            names the argument.
        ValueError: ``length`` is negative, ``d_model`` is not positive and even, or ``base`` is not
            positive; the message names the argument (``length``, ``d_model`` or ``base``).

    Example:
        >>> sinusoidal_encoding(3, 4, dtype=torch.float64)
        tensor([[ 0.0000,  1.0000,  0.0000,  1.0000],
                [ 0.8415,  0.5403,  0.0100,  1.0000],
                [ 0.9093, -0.4161,  0.0200,  0.9998]], dtype=torch.float64)
    """
    if isinstance(length, bool) or not isinstance(length, int):
        raise TypeError(f"length: expected an int, got {type(length).__name__}")
    if length < 0:
        raise ValueError(f"length: expected a non-negative int, got {length}")
    _check(d_model, base)
    angles = torch.arange(length, dtype=torch.float64)[:, None] * _frequencies(d_model, base)[None, :]
    table = torch.empty(length, d_model, dtype=torch.float64)
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles)
    return table.to(dtype or torch.get_default_dtype())


def offset_matrix(
    offset: float, d_model: int, base: float = 10000.0, *, dtype: torch.dtype | None = None
) -> torch.Tensor:
    """The linear map that moves a sinusoidal encoding ``offset`` positions along.

    Args:
        offset (int or float): how many positions to move; may be negative, zero or fractional (2.5).
        d_model (int): width of the encoding; a positive even number.
        base (float): the same ``base`` as in :func:`sinusoidal_encoding`.
        dtype (torch.dtype, optional): dtype of the result; default ``torch.get_default_dtype()``.

    Returns:
        Tensor[d_model, d_model]: block diagonal, one 2x2 rotation per frequency ``w_i``:
        ``[[cos(k w_i), sin(k w_i)], [-sin(k w_i), cos(k w_i)]]`` at rows and columns ``2i, 2i + 1``, so
        that ``sinusoidal_encoding(n, d)[p + k] == sinusoidal_encoding(n, d)[p] @ offset_matrix(k, d).T``.

    Raises:
        TypeError: ``offset`` is not a number or ``d_model`` not an int; the message names the argument.
        ValueError: ``d_model`` is not positive and even, or ``base`` is not positive; the message names
            the argument (``d_model`` or ``base``).

    Example:
        >>> offset_matrix(1, 2, dtype=torch.float64)
        tensor([[ 0.5403,  0.8415],
                [-0.8415,  0.5403]], dtype=torch.float64)
    """
    if isinstance(offset, bool) or not isinstance(offset, (int, float)):
        raise TypeError(f"offset: expected an int or a float, got {type(offset).__name__}")
    _check(d_model, base)
    # sin(a + b) = sin a cos b + cos a sin b and cos(a + b) = cos a cos b - sin a sin b: with b = k w fixed,
    # (sin a, cos a) -> (sin(a + b), cos(a + b)) is a rotation that does not depend on a, i.e. on p.
    angle = offset * _frequencies(d_model, base)
    cos, sin = torch.cos(angle), torch.sin(angle)
    matrix = torch.zeros(d_model, d_model, dtype=torch.float64)
    even = torch.arange(0, d_model, 2)
    matrix[even, even] = cos
    matrix[even, even + 1] = sin
    matrix[even + 1, even] = -sin
    matrix[even + 1, even + 1] = cos
    return matrix.to(dtype or torch.get_default_dtype())
