"""现在有一 NCHW 的 feature map，经过一个3*3的DwConv，计算量和参数量怎么算？
5. 7*7卷积和3个3*3卷积的使用场景有什么不同

In English: An NCHW feature map goes through a 3*3 DwConv: how do you work out its amount of computation and
its number of parameters? 5. How do the use cases of a 7*7 convolution and of three 3*3 convolutions differ?

Source: 000_1a4e42d0338c0b07.txt · 二面; 004_4864363d713f5d38.txt · 二、DL base (5).

Write the arithmetic of 2-D convolutions as plain integer functions, the way one answers in an interview and
the way ``nn.Conv2d`` and ``torch.utils.flop_counter`` count:

* ``conv_output_size``: one spatial side after a convolution,
  ``floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1``;
* ``conv2d_params``: the number of parameters of ``nn.Conv2d(in_channels, out_channels, kernel,
  groups=groups, bias=bias)``: each output channel sees ``in_channels / groups`` input channels;
* ``conv2d_macs``: multiply-accumulates of one forward pass of that convolution on an ``N x C x H x W``
  input: ``N * C_out * H_out * W_out * (C_in / groups) * kH * kW`` (the bias is not counted, as
  ``torch.utils.flop_counter`` does not count it);
* ``dwconv_cost``: the interview's question: a ``k x k`` depthwise convolution (``groups = C``, padding
  ``k // 2``, no bias) on an ``N x C x H x W`` map has ``C * k * k`` parameters and
  ``N * C * H_out * W_out * k * k`` MACs; FLOPs are ``2 * MACs`` (one multiply and one add each), as
  ``torch.utils.flop_counter.FlopCounterMode`` counts them;
* ``receptive_field``: the receptive field of a stack of convolutions, ``(kernel, stride)`` or
  ``(kernel, stride, dilation)`` per layer, first layer first. Three stacked 3x3 convolutions see 7x7, as
  one 7x7 does, with ``27 C^2`` instead of ``49 C^2`` weights and two more non-linearities in between.

Every function takes and returns Python ``int``s (``dwconv_cost`` a dict of them). ``kernel``, ``stride``
and ``padding`` of the 2-D functions may be an int or an ``(h, w)`` pair, as in ``nn.Conv2d``. A
non-integer argument raises ``TypeError`` (``True`` and ``False`` are refused too, although ``bool`` is a
subclass of ``int``); an out-of-range one, channels not divisible by ``groups``, or a kernel larger than the
padded input raise ``ValueError``. Every message names the argument: the one that is wrong, ``groups`` for
channels it does not divide, ``kernel`` for a kernel larger than the padded input.
"""

from __future__ import annotations

from collections.abc import Sequence


def _int(name: str, value: int, minimum: int) -> int:
    # bool is an int subclass, and True as a kernel size is surely a mistake.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: expected an int, got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name}: expected an int >= {minimum}, got {value}")
    return value


def _pair(name: str, value: int | Sequence[int], minimum: int) -> tuple[int, int]:
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name}: expected an int or a pair (h, w), got {len(value)} values {tuple(value)}")
        return _int(name, value[0], minimum), _int(name, value[1], minimum)
    v = _int(name, value, minimum)
    return v, v


def _out_size(size: int, kernel: int, stride: int, padding: int, dilation: int, what: str) -> int:
    span = dilation * (kernel - 1) + 1
    if size + 2 * padding < span:
        raise ValueError(
            f"kernel: the dilated kernel spans {span}, larger than the padded input "
            f"({what} {size} + 2 * padding {padding} = {size + 2 * padding})"
        )
    # Floor division: the last window that does not fit is dropped, as nn.Conv2d does (no ceil_mode).
    return (size + 2 * padding - span) // stride + 1


def conv_output_size(size: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Length of one spatial side after a convolution, as ``nn.Conv1d``/``nn.Conv2d`` compute it.

    Args:
        size (int): input length, >= 1.
        kernel (int): kernel length, >= 1.
        stride (int): step between windows, >= 1. Default: 1.
        padding (int): zeros added on each side, >= 0. Default: 0.
        dilation (int): spacing of the kernel taps, >= 1. Default: 1.

    Returns:
        int: ``floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1``.

    Raises:
        TypeError: an argument is not an int (a bool is refused); the message names the argument.
        ValueError: an argument is out of range (the message names it), or the dilated kernel is longer
            than the padded input (the message names ``kernel``).

    Example:
        >>> conv_output_size(224, kernel=7, stride=2, padding=3)
        112
        >>> conv_output_size(7, kernel=3, stride=2, padding=1)
        4
    """
    _int("size", size, 1)
    _int("kernel", kernel, 1)
    _int("stride", stride, 1)
    _int("padding", padding, 0)
    _int("dilation", dilation, 1)
    return _out_size(size, kernel, stride, padding, dilation, "size")


def conv2d_params(
    in_channels: int, out_channels: int, kernel: int | tuple[int, int], groups: int = 1, bias: bool = True
) -> int:
    """Number of parameters of ``nn.Conv2d(in_channels, out_channels, kernel, groups=groups, bias=bias)``.

    Args:
        in_channels (int): input channels, >= 1, divisible by ``groups``.
        out_channels (int): output channels, >= 1, divisible by ``groups``.
        kernel (int or (int, int)): kernel size, square or ``(kH, kW)``.
        groups (int): channel groups; ``groups == in_channels`` is a depthwise convolution. Default: 1.
        bias (bool): whether the convolution has a bias (one per output channel). Default: True.

    Returns:
        int: ``out_channels * (in_channels // groups) * kH * kW`` plus ``out_channels`` with a bias.

    Raises:
        TypeError: a size is not an int (a bool is refused), or ``bias`` is not a bool; the message names
            the argument.
        ValueError: a size is below 1 (the message names it), or a channel count is not divisible by
            ``groups`` (the message names ``groups``).

    Example:
        >>> conv2d_params(64, 128, 3)
        73856
        >>> conv2d_params(32, 32, 3, groups=32, bias=False)
        288
    """
    c_in = _int("in_channels", in_channels, 1)
    c_out = _int("out_channels", out_channels, 1)
    kh, kw = _pair("kernel", kernel, 1)
    g = _int("groups", groups, 1)
    if not isinstance(bias, bool):
        raise TypeError(f"bias: expected a bool, got {type(bias).__name__} {bias!r}")
    if c_in % g or c_out % g:
        raise ValueError(
            f"groups: in_channels ({c_in}) and out_channels ({c_out}) must both be divisible by groups, got {g}"
        )
    # Each output channel only sees its own group's in_channels / groups inputs.
    return c_out * (c_in // g) * kh * kw + (c_out if bias else 0)


def conv2d_macs(
    n: int,
    in_channels: int,
    out_channels: int,
    h: int,
    w: int,
    kernel: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    groups: int = 1,
) -> int:
    """Multiply-accumulates of one forward pass of a 2-D convolution on an ``[n, in_channels, h, w]`` input.

    The same count as ``torch.utils.flop_counter.FlopCounterMode`` reports for ``nn.Conv2d``, divided by 2;
    the bias is not counted.

    Args:
        n (int): batch size, >= 1.
        in_channels (int): input channels, divisible by ``groups``.
        out_channels (int): output channels, divisible by ``groups``.
        h (int): input height.
        w (int): input width.
        kernel (int or (int, int)): kernel size.
        stride (int or (int, int)): stride. Default: 1.
        padding (int or (int, int)): zero padding on each side. Default: 0.
        groups (int): channel groups. Default: 1.

    Returns:
        int: ``n * out_channels * H_out * W_out * (in_channels // groups) * kH * kW``.

    Raises:
        TypeError: an argument is not an int (or a pair of ints where pairs are allowed; a bool is
            refused); the message names the argument.
        ValueError: an argument is out of range (the message names it), a channel count is not divisible
            by ``groups`` (the message names ``groups``), or the kernel is larger than the padded input
            (the message names ``kernel``).

    Example:
        >>> conv2d_macs(1, 3, 64, 224, 224, kernel=7, stride=2, padding=3)
        118013952
    """
    _int("n", n, 1)
    _int("h", h, 1)
    _int("w", w, 1)
    sh, sw = _pair("stride", stride, 1)
    ph, pw = _pair("padding", padding, 0)
    kh, kw = _pair("kernel", kernel, 1)
    weights = conv2d_params(in_channels, out_channels, (kh, kw), groups=groups, bias=False)
    h_out = _out_size(h, kh, sh, ph, 1, "h")
    w_out = _out_size(w, kw, sw, pw, 1, "w")
    # Every weight is used once per output position: weights = C_out * (C_in / groups) * kH * kW.
    return n * h_out * w_out * weights


def dwconv_cost(n: int, c: int, h: int, w: int, kernel: int = 3, stride: int = 1) -> dict[str, int]:
    """Parameters, MACs and FLOPs of a ``kernel x kernel`` depthwise convolution on an NCHW feature map.

    The layer is ``nn.Conv2d(c, c, kernel, stride, padding=kernel // 2, groups=c, bias=False)``: one
    ``k x k`` filter per channel, no mixing across channels.

    Args:
        n (int): batch size.
        c (int): channels (each gets its own filter).
        h (int): input height.
        w (int): input width.
        kernel (int): square kernel size. Default: 3.
        stride (int): stride. Default: 1.

    Returns:
        dict[str, int]: ``{"params": c * k * k, "macs": n * c * H_out * W_out * k * k, "flops": 2 * macs}``,
        with the keys in that order (as the example prints them).

    Raises:
        TypeError: an argument is not an int (a bool is refused); the message names the argument.
        ValueError: an argument is below 1; the message names the argument.

    Example:
        A 3x3 depthwise convolution on a 1 x 32 x 112 x 112 map (MobileNet's first one): 32 * 3 * 3 = 288
        weights, each used at all 112 * 112 positions: 288 * 12544 = 3,612,672 MACs.

        >>> dwconv_cost(1, 32, 112, 112, kernel=3, stride=1)
        {'params': 288, 'macs': 3612672, 'flops': 7225344}
        >>> dwconv_cost(1, 32, 112, 112, kernel=3, stride=2)
        {'params': 288, 'macs': 903168, 'flops': 1806336}
    """
    _int("c", c, 1)
    k = _int("kernel", kernel, 1)
    params = conv2d_params(c, c, k, groups=c, bias=False)
    macs = conv2d_macs(n, c, c, h, w, k, stride=stride, padding=k // 2, groups=c)
    return {"params": params, "macs": macs, "flops": 2 * macs}


def receptive_field(layers: Sequence[tuple[int, ...]]) -> int:
    """Receptive field (along one axis) of one output of a stack of convolutions.

    Args:
        layers (sequence of (int, int) or (int, int, int)): ``(kernel, stride)`` or
            ``(kernel, stride, dilation)`` per layer, in the order the input goes through them. Pooling
            layers count as convolutions with their window and stride.

    Returns:
        int: how many input positions one output position depends on; 1 for an empty stack.

    Raises:
        TypeError: ``layers`` is not a sequence, or a value is not an int (a bool is refused).
        ValueError: a layer does not have 2 or 3 values, or a value is below 1.
        Every message names ``layers`` (``layers[i]`` for the ``i``-th layer).

    Example:
        >>> receptive_field([(3, 1), (3, 1), (3, 1)])
        7
        >>> receptive_field([(7, 2), (3, 2)])
        11
    """
    if isinstance(layers, (str, bytes)) or not isinstance(layers, Sequence):
        raise TypeError(f"layers: expected a sequence of (kernel, stride[, dilation]), got {type(layers).__name__}")
    field, jump = 1, 1
    for i, layer in enumerate(layers):
        if not isinstance(layer, (tuple, list)) or len(layer) not in (2, 3):
            raise ValueError(f"layers[{i}]: expected (kernel, stride) or (kernel, stride, dilation), got {layer!r}")
        k = _int(f"layers[{i}] kernel", layer[0], 1)
        s = _int(f"layers[{i}] stride", layer[1], 1)
        d = _int(f"layers[{i}] dilation", layer[2], 1) if len(layer) == 3 else 1
        # One more tap of this layer reaches `jump` input positions further: the product of the strides
        # of every layer below it.
        field += (k - 1) * d * jump
        jump *= s
    return field
