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
    if not isinstance(iou, torch.Tensor):
        raise TypeError(f"iou: expected a torch.Tensor of shape [G, A], got {type(iou).__name__}")
    if not iou.is_floating_point():
        raise TypeError(f"iou: expected a floating-point tensor, got dtype {iou.dtype}")
    if iou.dim() != 2:
        raise ValueError(f"iou: expected shape [G, A] (ground truth x anchors), got {list(iou.shape)}")
    if low > high:
        raise ValueError(f"low: expected low <= high, got low={low}, high={high}")
    num_gt, num_anchors = iou.shape
    if num_gt == 0 or num_anchors == 0:
        # Nothing to match: every anchor (if any) is background.
        return torch.full((num_anchors,), BELOW_LOW_THRESHOLD, dtype=torch.int64, device=iou.device)

    best_iou, best_gt = iou.max(dim=0)
    matches = best_gt.clone()
    matches[best_iou < low] = BELOW_LOW_THRESHOLD
    matches[(best_iou >= low) & (best_iou < high)] = BETWEEN_THRESHOLDS
    if allow_low_quality_matches:
        # Without this a small or oddly shaped box whose best anchor reaches only 0.4 would have no
        # positive at all and never be learned. Ties matter: identical anchors must not be split into
        # one positive and one negative.
        best_per_gt = iou.max(dim=1, keepdim=True).values
        rescued = (iou == best_per_gt).any(dim=0)
        matches[rescued] = best_gt[rescued]
    return matches


def _check_sampler_args(matches: torch.Tensor, batch_size_per_image: int, positive_fraction: float) -> None:
    if not isinstance(matches, torch.Tensor):
        raise TypeError(f"matches: expected a torch.Tensor of shape [A], got {type(matches).__name__}")
    if matches.is_floating_point() or matches.is_complex() or matches.dtype == torch.bool:
        raise TypeError(f"matches: expected an integer tensor (as match_anchors returns), got dtype {matches.dtype}")
    if matches.dim() != 1:
        raise ValueError(f"matches: expected shape [A], got {list(matches.shape)}")
    if isinstance(batch_size_per_image, bool) or not isinstance(batch_size_per_image, int):
        raise TypeError(f"batch_size_per_image: expected an int, got {type(batch_size_per_image).__name__}")
    if batch_size_per_image < 0:
        raise ValueError(f"batch_size_per_image: expected a count >= 0, got {batch_size_per_image}")
    if not 0.0 <= positive_fraction <= 1.0:
        raise ValueError(f"positive_fraction: expected a fraction in [0, 1], got {positive_fraction}")


def _pick(candidates: torch.Tensor, k: int, generator: torch.Generator | None) -> torch.Tensor:
    # A random permutation's first k entries: a uniform draw of k out of n, without replacement.
    if generator is None:
        order = torch.randperm(candidates.numel(), device=candidates.device)
    else:
        order = torch.randperm(candidates.numel(), generator=generator, device=generator.device)
    return candidates[order[:k].to(candidates.device)]


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
    _check_sampler_args(matches, batch_size_per_image, positive_fraction)
    positive = torch.nonzero(matches >= 0).flatten()
    negative = torch.nonzero(matches == BELOW_LOW_THRESHOLD).flatten()
    # int() truncates, as torchvision does: 10 * 0.35 = 3.5 allows 3 positives, not 4.
    num_pos = min(positive.numel(), int(batch_size_per_image * positive_fraction))
    # Negatives make up for missing positives, so the batch stays full while there are negatives.
    num_neg = min(negative.numel(), batch_size_per_image - num_pos)

    pos_mask = torch.zeros_like(matches, dtype=torch.bool)
    neg_mask = torch.zeros_like(matches, dtype=torch.bool)
    pos_mask[_pick(positive, num_pos, generator)] = True
    neg_mask[_pick(negative, num_neg, generator)] = True
    return pos_mask, neg_mask
