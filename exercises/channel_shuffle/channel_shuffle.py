"""Channel Shuffle Pytorch里面是怎么实现的？如果用 Tensorflow 呢？

In English: How is Channel Shuffle implemented in PyTorch? And what if you use TensorFlow?

Source: 000_1a4e42d0338c0b07.txt · 二面.

ShuffleNet's channel shuffle lets information flow between the groups of a group convolution: with
``groups`` groups of ``C // groups`` channels each, output channel ``k * groups + j`` is channel
``j * (C // groups) + k`` of the input (the ``j``-th group's ``k``-th channel), so that every group of the next
layer sees channels from every group of this one. It is a reshape, a transpose of two axes, and a reshape
back. Write it twice:

* ``channel_shuffle``: for a PyTorch tensor in NCHW layout, the same as ``torch.nn.ChannelShuffle(groups)``.
* ``channel_shuffle_nhwc``: for a NumPy array in channels-last (NHWC) layout, TensorFlow's default, written
  with reshape and transpose as one would with ``tf.reshape`` / ``tf.transpose``.

Both return a new array (the input is left alone, and the result is never a view of it, not even when the
order does not change: ``groups`` of 1 or ``C``), keep the dtype, accept non-contiguous inputs, and raise
``ValueError`` when the channels do not split into ``groups`` equal groups.
"""

from __future__ import annotations

import numpy as np
import torch


def channel_shuffle(x: torch.Tensor, groups: int) -> torch.Tensor:
    """Shuffle the channels of an NCHW tensor across ``groups`` groups, as ``torch.nn.ChannelShuffle``.

    Args:
        x (Tensor[N, C, H, W]): any dtype, any strides (also ``[N, C, *]`` with other trailing dims).
        groups (int): number of groups, ``>= 1``, dividing ``C``.

    Returns:
        Tensor[N, C, H, W]: a new tensor (never a view of ``x``, not even for ``groups`` of 1 or ``C``) of
        ``x``'s dtype and device and shape, where ``out[:, k * groups + j] == x[:, j * (C // groups) + k]``.

    Raises:
        TypeError: ``x`` is not a tensor (a NumPy array, a list), or ``groups`` not an int (a bool is refused);
            the message names the argument (``x`` or ``groups``).
        ValueError: ``x`` has fewer than 3 dims (the message names ``x``), ``groups < 1`` (the message names
            ``groups``), or ``C`` is not divisible by ``groups`` (the message names ``groups`` and the number
            of channels that came).

    Example:
        >>> x = torch.arange(6).reshape(1, 6, 1, 1)
        >>> channel_shuffle(x, 2).flatten()
        tensor([0, 3, 1, 4, 2, 5])
    """
    raise NotImplementedError


def channel_shuffle_nhwc(x: np.ndarray, groups: int) -> np.ndarray:
    """Shuffle the channels of a channels-last NumPy array, as one would in TensorFlow.

    The same permutation of channels as :func:`channel_shuffle`, on the last axis.

    Args:
        x (ndarray[N, H, W, C]): any dtype, any strides (C order, Fortran order, views); channels last
            (any number of leading dims).
        groups (int): number of groups, ``>= 1``, dividing ``C``.

    Returns:
        ndarray[N, H, W, C]: a new array (never a view of ``x``, not even for ``groups`` of 1 or ``C``) of
        ``x``'s dtype and shape, where ``out[..., k * groups + j] == x[..., j * (C // groups) + k]``.

    Raises:
        TypeError: ``x`` is not a NumPy array (a torch tensor, a list), or ``groups`` not an int (a bool is
            refused); the message names the argument (``x`` or ``groups``).
        ValueError: ``x`` has no axis (the message names ``x``), ``groups < 1`` (the message names
            ``groups``), or ``C`` is not divisible by ``groups`` (the message names ``groups`` and the number
            of channels that came).

    Example:
        >>> x = np.arange(6).reshape(1, 1, 1, 6)
        >>> channel_shuffle_nhwc(x, 3).ravel().tolist()
        [0, 2, 4, 1, 3, 5]
    """
    raise NotImplementedError
