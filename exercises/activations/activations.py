"""1. leaky relu和relu
说说 v3 里的 h-swish比普通的swish激活函数好在哪里？

In English: 1. Leaky ReLU and ReLU. Tell me: what makes the h-swish of (MobileNet) v3 better than the ordinary
swish activation function?

Source: 004_4864363d713f5d38.txt · 二、DL base (1. leaky relu和relu); 000_1a4e42d0338c0b07.txt · 二面.

Write five activation functions by hand, as elementwise torch code (``torch.where``, ``clamp``, arithmetic):

* ``relu(x) = max(x, 0)``;
* ``leaky_relu(x, negative_slope) = x`` for ``x >= 0``, ``negative_slope * x`` below (with slope 0.5,
  -10 becomes -5, as in the notes);
* ``swish(x, beta) = x * sigmoid(beta * x)`` (``beta = 1`` is SiLU; ``torch.sigmoid`` may be used);
* ``hard_sigmoid(x) = relu6(x + 3) / 6``, MobileNetV3's piecewise-linear sigmoid;
* ``hard_swish(x) = x * hard_sigmoid(x)``, MobileNetV3's h-swish: no exponential, so it is cheap on mobile
  hardware and easy to quantise, while keeping swish's shape.

"By hand" means: none of torch's activation functions that compute one of the five, in any form
(``F.``, ``torch.``, ``Tensor`` methods, ``nn`` modules, ``torch._C._nn``, ``torch.ops.aten``, or a name
bound before the call): ``relu``, ``relu6``, ``hardtanh``, ``threshold`` (``F.threshold(x, 0, 0)`` is a
ReLU), ``elu``, ``leaky_relu``, ``prelu``, ``rrelu``, ``silu``, ``glu``, ``hardsigmoid``, ``hardswish``
(``F.relu6(x + 3) / 6`` is hard_sigmoid itself: write it with ``clamp``). The building blocks are
arithmetic, comparisons, ``torch.where``, ``torch.clamp`` / ``clamp_min`` / ``maximum`` / ``minimum``,
``torch.exp`` and ``torch.sigmoid``; one of your functions may call another (``hard_swish`` may use your
``hard_sigmoid``). The results must equal the built-ins (``F.relu``, ``F.leaky_relu``, ``F.silu`` for
``beta = 1``, ``F.hardsigmoid``, ``F.hardswish``), NaN included (a NaN input gives NaN, as there), and so
must the gradients away from the kinks (0 for the ReLUs, ±3 for the hard ones); at a kink either one-sided
gradient is fine.

Every function takes a floating-point tensor of any shape, returns a new tensor (never ``x`` itself or a view
of it) of the same shape, dtype and device, and never modifies its input. A non-tensor or a non-floating
tensor raises ``TypeError``, whose message names ``x``.
"""

from __future__ import annotations

import torch


def relu(x: torch.Tensor) -> torch.Tensor:
    """Rectified linear unit, ``max(x, 0)``, elementwise.

    Same as ``torch.nn.functional.relu`` (values; gradients away from 0).

    Args:
        x (Tensor[*]): floating-point input of any shape.

    Returns:
        Tensor[*]: ``x`` where ``x > 0``, 0 where ``x <= 0``, NaN where ``x`` is NaN (as ``F.relu``: a NaN
        is neither above nor below 0); a new tensor with the shape, dtype and device of ``x``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor.

    Example:
        >>> relu(torch.tensor([-2.0, 0.0, 1.5]))
        tensor([0.0000, 0.0000, 1.5000])
    """
    raise NotImplementedError


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    """Leaky ReLU: ``x`` for ``x >= 0`` and ``negative_slope * x`` below, elementwise.

    Same as ``torch.nn.functional.leaky_relu(x, negative_slope)`` for any slope, including slopes above 1
    and negative slopes (values; gradients away from 0).

    Args:
        x (Tensor[*]): floating-point input of any shape.
        negative_slope (float): the slope for negative inputs. Default: 0.01.

    Returns:
        Tensor[*]: a new tensor with the shape, dtype and device of ``x``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor, or ``negative_slope`` is not a real number (an int
            is fine, a bool or a string is refused); the message names the argument.

    Example:
        >>> leaky_relu(torch.tensor([-10.0, 0.0, 3.0]), negative_slope=0.5)
        tensor([-5.,  0.,  3.])
    """
    raise NotImplementedError


def swish(x: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    """Swish, ``x * sigmoid(beta * x)``, elementwise.

    With ``beta = 1`` this is SiLU, the same as ``torch.nn.functional.silu`` (values and gradients).
    ``torch.sigmoid`` may be used.

    Args:
        x (Tensor[*]): floating-point input of any shape.
        beta (float): the sharpness of the gate; ``beta = 0`` gives ``x / 2``. Default: 1.0.

    Returns:
        Tensor[*]: a new tensor with the shape, dtype and device of ``x``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor, or ``beta`` is not a real number (an int is fine,
            a bool or ``None`` is refused); the message names the argument.

    Example:
        >>> swish(torch.tensor([-1.0, 0.0, 2.0]))
        tensor([-0.2689,  0.0000,  1.7616])
    """
    raise NotImplementedError


def hard_sigmoid(x: torch.Tensor) -> torch.Tensor:
    """Hard sigmoid, ``relu6(x + 3) / 6``: 0 below -3, 1 above 3, linear in between.

    Same as ``torch.nn.functional.hardsigmoid`` (values; gradients away from ±3). Note that Keras's older
    ``hard_sigmoid`` (``0.2 x + 0.5``) is a different function.

    Args:
        x (Tensor[*]): floating-point input of any shape.

    Returns:
        Tensor[*]: values in ``[0, 1]``; a new tensor with the shape, dtype and device of ``x``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor.

    Example:
        >>> hard_sigmoid(torch.tensor([-4.0, 0.0, 1.5, 3.0]))
        tensor([0.0000, 0.5000, 0.7500, 1.0000])
    """
    raise NotImplementedError


def hard_swish(x: torch.Tensor) -> torch.Tensor:
    """Hard swish (MobileNetV3's h-swish), ``x * relu6(x + 3) / 6``.

    Same as ``torch.nn.functional.hardswish`` (values; gradients away from ±3).

    Args:
        x (Tensor[*]): floating-point input of any shape.

    Returns:
        Tensor[*]: 0 below -3, ``x`` above 3; a new tensor with the shape, dtype and device of ``x``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor.

    Example:
        >>> hard_swish(torch.tensor([-4.0, -1.0, 0.0, 1.5, 4.0]))
        tensor([-0.0000, -0.3333,  0.0000,  1.1250,  4.0000])
    """
    raise NotImplementedError
