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

import torch


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
    raise NotImplementedError


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
    raise NotImplementedError
