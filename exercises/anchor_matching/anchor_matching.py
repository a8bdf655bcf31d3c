"""3. two-stage效果比one-stage好的原因:
    1. 一定程度在RPN节点, 先解决了部分样本不平衡问题(正负的个数, 难度差异)

In English: 3. Why two-stage detectors work better than one-stage ones: 1. to a certain extent, at the RPN
stage they first solve part of the sample imbalance problem (the numbers of positives and negatives, and
the difference in difficulty).

Source: 004_4864363d713f5d38.txt · 一、计算机视觉, item 3.

The RPN of a two-stage detector tames the imbalance between positives and negatives in two steps. Write
both, the same as torchvision's ``Matcher`` and ``BalancedPositiveNegativeSampler``:

* ``match_anchors``: given the IoU of every ground-truth box with every anchor, give each anchor the index
  of the ground-truth box it overlaps most if that IoU is ``>= high``, ``-1`` (negative) if it is below
  ``low``, and ``-2`` (ignored) in between. With ``allow_low_quality_matches``, every ground-truth box also
  keeps the anchors that overlap it best (all of them when several tie), however low that IoU is, so that
  no box is left without an anchor; such an anchor gets the ground-truth box *it* overlaps most (as in
  torchvision, which need not be the box that rescued it).
* ``sample_balanced``: from the matched anchors draw a training batch of at most ``batch_size_per_image``
  anchors, at most ``int(batch_size_per_image * positive_fraction)`` of them positive (``matches >= 0``),
  the rest negative (``matches == -1``); ignored anchors (``-2``) are never drawn. Draw uniformly at random
  without replacement, from ``generator`` when one is given.
"""

from __future__ import annotations

import torch

BELOW_LOW_THRESHOLD = -1
BETWEEN_THRESHOLDS = -2


def match_anchors(
    iou: torch.Tensor,
    high: float = 0.7,
    low: float = 0.3,
    allow_low_quality_matches: bool = True,
) -> torch.Tensor:
    """Assign each anchor a ground-truth index, ``-1`` (below ``low``) or ``-2`` (between the thresholds).

    Same as ``torchvision.models.detection._utils.Matcher(high, low, allow_low_quality_matches)(iou)``,
    except that no ground-truth boxes (``G == 0``) gives all ``-1`` instead of an error.

    Args:
        iou (Tensor[G, A]): floating-point IoU of ground-truth box ``g`` with anchor ``a``.
        high (float): an anchor whose best IoU is ``>= high`` is matched to that ground-truth box.
        low (float): an anchor whose best IoU is ``< low`` gets ``-1``; ``low <= best < high`` gets ``-2``.
            Needs ``low <= high``. Both thresholds are compared in ``iou``'s dtype, as ``iou >= high``
            does in PyTorch (and in torchvision): a float32 IoU of ``0.7`` is ``>= 0.7``, although
            float32's ``0.7`` is a little below the Python float ``0.7``.
        allow_low_quality_matches (bool): for each ground-truth box, every anchor whose IoU with it equals
            that box's largest IoU (ties included, whatever the value) is matched to the anchor's own best
            ground-truth box, even below ``high``.

    Returns:
        Tensor[A]: int64, on ``iou``'s device: a ground-truth index in ``[0, G)``, ``-1`` or ``-2``. Among
        ground-truth boxes with the same IoU for an anchor, the lowest index wins.

    Raises:
        TypeError: ``iou`` is not a floating-point tensor (a list, an integer tensor); the message names
            ``iou``.
        ValueError: ``iou`` is not two-dimensional (the message names ``iou``), or ``low > high`` (the
            message names ``low``). These checks come first, also when ``G`` or ``A`` is 0.

    Example:
        >>> iou = torch.tensor([[0.9, 0.5, 0.1, 0.2],
        ...                     [0.0, 0.6, 0.2, 0.25]])
        >>> match_anchors(iou, allow_low_quality_matches=False)
        tensor([ 0, -2, -1, -1])
        >>> match_anchors(iou)
        tensor([ 0,  1, -1, -1])
    """
    raise NotImplementedError


def sample_balanced(
    matches: torch.Tensor,
    batch_size_per_image: int = 256,
    positive_fraction: float = 0.5,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw a batch of positive and negative anchors with at most a given share of positives.

    As torchvision's ``BalancedPositiveNegativeSampler(batch_size_per_image, positive_fraction)``, on the
    output of :func:`match_anchors` (positives are ``matches >= 0``, negatives ``matches == -1``, ``-2``
    is ignored) and returning boolean masks.

    Args:
        matches (Tensor[A]): integer match result per anchor.
        batch_size_per_image (int): the most anchors drawn, ``>= 0``.
        positive_fraction (float): in ``[0, 1]``; at most ``int(batch_size_per_image * positive_fraction)``
            positives are drawn (fewer if there are fewer), and negatives fill the rest of the batch as far
            as there are negatives.
        generator (torch.Generator, optional): the source of randomness; ``None`` uses PyTorch's global
            generator (``torch.manual_seed``).

    Returns:
        (Tensor[A], Tensor[A]): ``pos_mask`` and ``neg_mask``, ``torch.bool``, on ``matches``' device;
        disjoint; ``pos_mask`` only where ``matches >= 0``, ``neg_mask`` only where ``matches == -1``.
        Every set of candidates of the right size is equally likely.

    Raises:
        TypeError: ``matches`` is not an integer tensor (a list, a floating-point or bool tensor; any
            integer dtype is accepted), or ``batch_size_per_image`` is not an int (a bool is refused).
        ValueError: ``matches`` is not one-dimensional, ``batch_size_per_image < 0``, or
            ``positive_fraction`` is outside ``[0, 1]``.
        The message names the argument. These checks come first, also when ``matches`` is empty.

    Example:
        >>> matches = torch.tensor([0, -1, -2, 1, -1, -1, 2, -1])
        >>> pos, neg = sample_balanced(matches, 4, 0.25, torch.Generator().manual_seed(0))
        >>> int(pos.sum()), int(neg.sum())
        (1, 3)
        >>> bool((matches[pos] >= 0).all()), bool((matches[neg] == -1).all())
        (True, True)
    """
    raise NotImplementedError
