"""Grader for box_coder: ``encode_boxes`` / ``decode_boxes``, the anchor-relative box transform.

Expected values come from torchvision's ``BoxCoder.encode_single`` / ``decode_single`` answers stored in
``fixtures/box_coder/box_coder.pt`` (its ``generate.py`` regenerates them and the file records the
versions), from a per-box reference written here with Python floats, from hand-worked boxes, and from
invariants (decode inverts encode and encode inverts decode).

Promises and the tests that hold them:
- encode: torchvision's encode_single -> test_encode_matches_torchvision
- encode: dx, dy in proposal units, dw, dh as log size ratios, times the weights ->
  test_encode_matches_the_per_box_formula, test_encode_of_a_hand_worked_pair
- width is x2 - x1, no + 1 -> test_encode_measures_width_as_x2_minus_x1, test_decode_of_a_hand_worked_pair
- SSD's variances are weights (10, 10, 5, 5), multiplied in encode -> test_encode_matches_the_per_box_formula[ssd]
- decode: torchvision's decode_single, the inverse of encode -> test_decode_matches_torchvision,
  test_decode_matches_the_per_box_formula, test_decode_inverts_encode, test_encode_inverts_decode
- dw, dh divided by the weights before the clamp -> test_decode_clamps_after_dividing_by_the_weights
- clamp from above at log(1000 / 16) by default -> test_decode_clamps_growth_at_log_1000_over_16
- no clamp from below -> test_decode_does_not_clamp_shrinking
- a given clamp is used; None clamps nothing -> test_decode_uses_the_given_clamp
- row i belongs to box i; strided rows -> test_encode_matches_the_per_box_formula,
  test_accepts_non_contiguous_inputs
- Tensor[N, 4], N may be 0, in the input dtype -> test_returns_one_row_of_four_per_box_in_the_input_dtype
- encode: reference_boxes' dtype when proposals' differs ->
  test_encode_returns_the_reference_boxes_dtype_when_proposals_differ
- decode: deltas' dtype when proposals' differs -> test_decode_returns_the_deltas_dtype_when_proposals_differ
- on the input's device -> not tested (the graders run on CPU only)
- inputs not modified (catalogue convention) -> test_leaves_inputs_unchanged
- TypeError naming the argument: integer tensors -> test_rejects_integer_boxes,
  test_rejects_integer_proposals_and_deltas; lists -> test_rejects_lists_in_place_of_tensors
- TypeError naming weights when it is not a sequence -> test_rejects_weights_that_are_not_a_sequence
- ValueError naming the argument for a shape other than [N, 4], both names for different N ->
  test_rejects_wrong_shapes
- ValueError naming weights unless 4 positive numbers -> test_rejects_bad_weights
- ValueError naming the argument for x2 <= x1 or y2 <= y1 in either box argument ->
  test_rejects_proposals_without_area, test_encode_rejects_boxes_without_width_or_height
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr

FIXTURE = torch.load(Path(__file__).parent / "fixtures" / "box_coder" / "box_coder.pt", weights_only=True)
CASES = FIXTURE["cases"]
TV = f"torchvision {FIXTURE['versions']['torchvision']}"
CASE_IDS = [f"weights={','.join(f'{w:g}' for w in c['weights'])}-{c['dtype']}" for c in CASES]
DEFAULT_CLAMP = math.log(1000.0 / 16)
SSD = (10.0, 10.0, 5.0, 5.0)


# ------------------------------------------------------------------------------------- references


def naive_encode(reference, proposals, weights) -> torch.Tensor:
    """One box at a time with Python floats: centre offsets in proposal units, log size ratios."""
    wx, wy, ww, wh = weights
    rows = []
    for (gx1, gy1, gx2, gy2), (px1, py1, px2, py2) in zip(reference.tolist(), proposals.tolist(), strict=True):
        pw, ph, gw, gh = px2 - px1, py2 - py1, gx2 - gx1, gy2 - gy1
        pcx, pcy, gcx, gcy = px1 + pw / 2, py1 + ph / 2, gx1 + gw / 2, gy1 + gh / 2
        rows.append([wx * (gcx - pcx) / pw, wy * (gcy - pcy) / ph, ww * math.log(gw / pw), wh * math.log(gh / ph)])
    return torch.tensor(rows, dtype=torch.float64).reshape(-1, 4)


def naive_decode(deltas, proposals, weights, clamp=DEFAULT_CLAMP) -> torch.Tensor:
    """One box at a time: divide by the weights, clamp dw and dh from above only, then undo the encoding."""
    wx, wy, ww, wh = weights
    rows = []
    for (dx, dy, dw, dh), (px1, py1, px2, py2) in zip(deltas.tolist(), proposals.tolist(), strict=True):
        pw, ph = px2 - px1, py2 - py1
        dw, dh = dw / ww, dh / wh
        if clamp is not None:
            dw, dh = min(dw, clamp), min(dh, clamp)
        cx, cy = px1 + pw / 2 + dx / wx * pw, py1 + ph / 2 + dy / wy * ph
        w, h = math.exp(dw) * pw, math.exp(dh) * ph
        rows.append([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
    return torch.tensor(rows, dtype=torch.float64).reshape(-1, 4)


def random_boxes(n: int, seed: int, dtype=torch.float64) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    xy = torch.rand(n, 2, generator=g, dtype=torch.float64) * 200 - 50
    wh = torch.rand(n, 2, generator=g, dtype=torch.float64) * 80 + 1
    return torch.cat([xy, xy + wh], dim=1).to(dtype)


def integer_boxes(n: int, seed: int, dtype=torch.float64) -> torch.Tensor:
    """Boxes with small integer corners: exact in float32, so float32 arithmetic rounds only once per step."""
    g = torch.Generator().manual_seed(seed)
    xy = torch.randint(0, 32, (n, 2), generator=g)
    wh = torch.randint(1, 16, (n, 2), generator=g)
    return torch.cat([xy, xy + wh], dim=1).to(dtype)


def random_deltas(n: int, seed: int, dtype=torch.float64, spread: float = 1.0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(n, 4, generator=g, dtype=torch.float64) * spread).to(dtype)


# ------------------------------------------------------------------------------------- torchvision


@pytest.mark.points(2)
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_encode_matches_torchvision(learner, case):
    ref, prop, weights = case["reference_boxes"], case["proposals"], tuple(case["weights"])
    got = learner.encode_boxes(ref, prop, weights)
    assert_close(got, case["encoded"], call=call_repr("encode_boxes", ref, prop, weights) + f"  [against {TV}]")


@pytest.mark.points(2)
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_decode_matches_torchvision(learner, case):
    # Rows 0-3 hold dw/dh far above the clamp, far below it (never clamped) and in between.
    deltas, prop, weights = case["deltas"], case["proposals"], tuple(case["weights"])
    for clamp, expected in zip(case["clamps"], case["decoded"], strict=True):
        got = learner.decode_boxes(deltas, prop, weights, clamp)
        call = call_repr("decode_boxes", deltas, prop, weights, clamp) + f"  [against {TV}]"
        assert_close(got, expected, call=call)


# ------------------------------------------------------------------------------------- encode


def test_encode_of_a_hand_worked_pair(learner):
    # Proposal centre (2, 2), size 4 x 4; target centre (3, 2), size 4 x 2.
    ref = torch.tensor([[1.0, 1.0, 5.0, 3.0]])
    prop = torch.tensor([[0.0, 0.0, 4.0, 4.0]])
    got = learner.encode_boxes(ref, prop)
    assert_close(got, torch.tensor([[0.25, 0.0, 0.0, math.log(0.5)]]), call=call_repr("encode_boxes", ref, prop))
    got = learner.encode_boxes(ref, prop, SSD)
    expected = torch.tensor([[2.5, 0.0, 0.0, 5 * math.log(0.5)]])
    assert_close(got, expected, call=call_repr("encode_boxes", ref, prop, SSD) + " (SSD weights)")


def test_encode_measures_width_as_x2_minus_x1(learner):
    # Widths 1 and 2: dx = (1 - 0.5) / 1 = 0.5 and dw = log 2. With "+ 1" widths: dx = 0.25, dw = log 1.5.
    ref = torch.tensor([[0.0, 0.0, 2.0, 2.0]], dtype=torch.float64)
    prop = torch.tensor([[0.0, 0.0, 1.0, 1.0]], dtype=torch.float64)
    got = learner.encode_boxes(ref, prop)
    expected = torch.tensor([[0.5, 0.5, math.log(2.0), math.log(2.0)]], dtype=torch.float64)
    assert_close(got, expected, call=call_repr("encode_boxes", ref, prop))


@pytest.mark.parametrize("weights", [(1.0, 1.0, 1.0, 1.0), SSD, (2.0, 0.5, 1.5, 3.0)], ids=["unit", "ssd", "uneven"])
def test_encode_matches_the_per_box_formula(learner, weights):
    # SSD's variances (0.1, 0.1, 0.2, 0.2) are weights (10, 10, 5, 5): the targets are multiplied by them.
    seed = 31
    ref, prop = random_boxes(13, seed), random_boxes(13, seed + 1)
    got = learner.encode_boxes(ref, prop, weights)
    assert_close(got, naive_encode(ref, prop, weights), call=call_repr("encode_boxes", ref, prop, weights), seed=seed)


# ------------------------------------------------------------------------------------- decode


def test_decode_of_a_hand_worked_pair(learner):
    deltas = torch.tensor([[0.25, 0.0, 0.0, math.log(0.5)]], dtype=torch.float64)
    prop = torch.tensor([[0.0, 0.0, 4.0, 4.0]], dtype=torch.float64)
    got = learner.decode_boxes(deltas, prop)
    expected = torch.tensor([[1.0, 1.0, 5.0, 3.0]], dtype=torch.float64)
    assert_close(got, expected, call=call_repr("decode_boxes", deltas, prop))


@pytest.mark.parametrize("weights", [(1.0, 1.0, 1.0, 1.0), SSD, (2.0, 0.5, 1.5, 3.0)], ids=["unit", "ssd", "uneven"])
def test_decode_matches_the_per_box_formula(learner, weights):
    seed = 53
    prop = random_boxes(15, seed)
    deltas = random_deltas(15, seed + 1) * torch.tensor(weights, dtype=torch.float64)
    got = learner.decode_boxes(deltas, prop, weights)
    expected = naive_decode(deltas, prop, weights)
    assert_close(got, expected, call=call_repr("decode_boxes", deltas, prop, weights), seed=seed)


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
@pytest.mark.parametrize("weights", [(1.0, 1.0, 1.0, 1.0), SSD], ids=["unit", "ssd"])
def test_decode_inverts_encode(learner, weights, dtype):
    seed = 61
    ref, prop = random_boxes(21, seed, dtype), random_boxes(21, seed + 1, dtype)
    deltas = learner.encode_boxes(ref, prop, weights)
    back = learner.decode_boxes(deltas, prop, weights)
    # float32: coordinates reach ~231 here, where one float32 step is 1.5e-5. Measured over seeds 0-1999
    # (unit and SSD weights, clamp=None, centre-size and corner-based decodes): worst error 4.6e-5,
    # at most 3.7e-5 beyond 1e-5 * |ref|; seed 61 itself: 1.5e-5.
    rtol, atol = (1e-5, 1e-4) if dtype == torch.float32 else (1e-9, 1e-9)
    call = f"decode_boxes(encode_boxes(ref, prop, {weights}), prop, {weights}) against ref"
    assert_close(back, ref, call=call, seed=seed, rtol=rtol, atol=atol)


def test_encode_inverts_decode(learner):
    seed = 67
    prop = random_boxes(17, seed)
    deltas = random_deltas(17, seed + 1, spread=0.7) * torch.tensor(SSD, dtype=torch.float64)
    boxes = learner.decode_boxes(deltas, prop, SSD)
    again = learner.encode_boxes(boxes, prop, SSD)
    call = "encode_boxes(decode_boxes(deltas, prop, SSD), prop, SSD) against deltas"
    assert_close(again, deltas, call=call, seed=seed, rtol=1e-9, atol=1e-9)


def test_decode_clamps_growth_at_log_1000_over_16(learner):
    # dw = dh = 10 would grow the 2 x 2 proposal 22026-fold; the clamp caps the ratio at 1000 / 16 = 62.5.
    prop = torch.tensor([[0.0, 0.0, 2.0, 2.0]], dtype=torch.float64)
    deltas = torch.tensor([[0.0, 0.0, 10.0, 10.0]], dtype=torch.float64)
    got = learner.decode_boxes(deltas, prop)
    expected = torch.tensor([[1 - 62.5, 1 - 62.5, 1 + 62.5, 1 + 62.5]], dtype=torch.float64)
    assert_close(got, expected, call=call_repr("decode_boxes", deltas, prop) + " (dw, dh above the clamp)")


def test_decode_does_not_clamp_shrinking(learner):
    # The clamp guards exp() against overflow: it bounds dw/dh from above only.
    prop = torch.tensor([[0.0, 0.0, 2.0, 2.0]], dtype=torch.float64)
    deltas = torch.tensor([[0.0, 0.0, -6.0, -10.0]], dtype=torch.float64)
    got = learner.decode_boxes(deltas, prop)
    hw, hh = math.exp(-6.0), math.exp(-10.0)
    expected = torch.tensor([[1 - hw, 1 - hh, 1 + hw, 1 + hh]], dtype=torch.float64)
    assert_close(got, expected, call=call_repr("decode_boxes", deltas, prop) + " (dw, dh far below zero)")


def test_decode_clamps_after_dividing_by_the_weights(learner):
    # Weights (10, 10, 5, 5): dw = 25 means 25 / 5 = 5 > log(62.5), clamped to a 62.5-fold width;
    # dh = 15 means 15 / 5 = 3 < log(62.5): exp(3)-fold height, not clamped.
    prop = torch.tensor([[0.0, 0.0, 2.0, 2.0]], dtype=torch.float64)
    deltas = torch.tensor([[0.0, 0.0, 25.0, 15.0]], dtype=torch.float64)
    got = learner.decode_boxes(deltas, prop, SSD)
    hh = math.exp(3.0)
    expected = torch.tensor([[1 - 62.5, 1 - hh, 1 + 62.5, 1 + hh]], dtype=torch.float64)
    assert_close(got, expected, call=call_repr("decode_boxes", deltas, prop, SSD))


@pytest.mark.parametrize("clamp", [1.0, None], ids=["clamp=1", "clamp=None"])
def test_decode_uses_the_given_clamp(learner, clamp):
    seed = 71
    prop = random_boxes(11, seed)
    deltas = random_deltas(11, seed + 1, spread=3.0)
    got = learner.decode_boxes(deltas, prop, (1.0, 1.0, 1.0, 1.0), clamp)
    expected = naive_decode(deltas, prop, (1.0, 1.0, 1.0, 1.0), clamp)
    assert_close(got, expected, call=call_repr("decode_boxes", deltas, prop, (1, 1, 1, 1), clamp), seed=seed)


# ------------------------------------------------------------------------------------- shapes and inputs


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
@pytest.mark.parametrize("n", [0, 1, 6])
def test_returns_one_row_of_four_per_box_in_the_input_dtype(learner, n, dtype):
    ref, prop = random_boxes(n, 81, dtype), random_boxes(n, 82, dtype)
    enc = learner.encode_boxes(ref, prop)
    call = call_repr("encode_boxes", ref, prop)
    assert_equal(tuple(enc.shape), (n, 4), call=call, what="shape")
    assert_equal(enc.dtype, dtype, call=call, what="dtype")
    dec = learner.decode_boxes(random_deltas(n, 83, dtype), prop)
    call = call_repr("decode_boxes", random_deltas(n, 83, dtype), prop)
    assert_equal(tuple(dec.shape), (n, 4), call=call, what="shape")
    assert_equal(dec.dtype, dtype, call=call, what="dtype")


def test_accepts_non_contiguous_inputs(learner):
    seed = 91
    ref = random_boxes(8, seed).T.contiguous().T
    prop = random_boxes(16, seed + 1)[::2]
    deltas = random_deltas(8, seed + 2).T.contiguous().T
    assert not ref.is_contiguous() and not prop.is_contiguous() and not deltas.is_contiguous()
    assert_close(learner.encode_boxes(ref, prop, SSD), naive_encode(ref, prop, SSD), call="encode_boxes (strided)")
    got = learner.decode_boxes(deltas, prop, SSD)
    assert_close(got, naive_decode(deltas, prop, SSD), call="decode_boxes (strided)", seed=seed)


def test_leaves_inputs_unchanged(learner):
    ref, prop, deltas = random_boxes(7, 101), random_boxes(7, 102), random_deltas(7, 103, spread=8.0)
    copies = [t.clone() for t in (ref, prop, deltas)]
    learner.encode_boxes(ref, prop, SSD)
    assert_unchanged(copies[0], ref, name="reference_boxes", call="encode_boxes(ref, prop, SSD)")
    assert_unchanged(copies[1], prop, name="proposals", call="encode_boxes(ref, prop, SSD)")
    learner.decode_boxes(deltas, prop, SSD)
    assert_unchanged(copies[2], deltas, name="deltas", call="decode_boxes(deltas, prop, SSD)")
    assert_unchanged(copies[1], prop, name="proposals", call="decode_boxes(deltas, prop, SSD)")


def unit_boxes(*shape: int) -> torch.Tensor:
    """Valid boxes (0, 0, 1, 1) of the given shape; extra columns are 1."""
    out = torch.ones(shape)
    out[..., :2] = 0.0
    return out


def assert_raises_naming(exc_type, fn, *args, names: tuple[str, ...]) -> None:
    """``fn(*args)`` raises ``exc_type`` whose message names each of ``names`` as a word."""
    call = call_repr(fn.__name__, *args)
    exc = assert_raises(exc_type, fn, *args, call=call)
    missing = [n for n in names if not re.search(rf"\b{n}\b", str(exc), flags=re.IGNORECASE)]
    if missing:
        raise AssertionError(
            f"{call}\n  raised {type(exc).__name__}({str(exc)!r}), as it should, but the message should name "
            f"{' and '.join(repr(n) for n in names)}: say which argument is wrong, what was expected and what came"
        )


@pytest.mark.parametrize(
    "fn, shape1, shape2, names",
    [
        ("encode_boxes", (3, 5), (3, 4), ("reference_boxes",)),
        ("encode_boxes", (3, 4), (4,), ("proposals",)),
        ("encode_boxes", (3, 4), (2, 4), ("reference_boxes", "proposals")),
        ("decode_boxes", (2, 3, 4), (2, 4), ("deltas",)),
        ("decode_boxes", (3, 4), (4, 4), ("deltas", "proposals")),
    ],
    ids=["five columns", "one-dimensional", "different lengths", "three-dimensional", "decode lengths"],
)
def test_rejects_wrong_shapes(learner, fn, shape1, shape2, names):
    first, second = unit_boxes(*shape1), unit_boxes(*shape2)
    assert_raises_naming(ValueError, getattr(learner, fn), first, second, names=names)


def test_rejects_integer_boxes(learner):
    ints = torch.tensor([[0, 0, 2, 2]])
    assert_raises_naming(TypeError, learner.encode_boxes, ints, ints.float(), names=("reference_boxes",))
    assert_raises_naming(TypeError, learner.decode_boxes, ints.float(), ints, names=("proposals",))


@pytest.mark.parametrize("weights", [(1.0, 1.0, 1.0), (10.0, 10.0, 0.0, 5.0)], ids=["three numbers", "a zero"])
def test_rejects_bad_weights(learner, weights):
    boxes = torch.tensor([[0.0, 0.0, 2.0, 2.0]])
    assert_raises_naming(ValueError, learner.encode_boxes, boxes, boxes, weights, names=("weights",))
    assert_raises_naming(ValueError, learner.decode_boxes, torch.zeros(1, 4), boxes, weights, names=("weights",))


def test_rejects_proposals_without_area(learner):
    # A zero-width proposal would divide by zero in encode and give a line in decode.
    ref = torch.tensor([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0]])
    flat = torch.tensor([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 1.0, 3.0]])
    assert_raises_naming(ValueError, learner.encode_boxes, ref, flat, names=("proposals",))
    assert_raises_naming(ValueError, learner.decode_boxes, torch.zeros(2, 4), flat, names=("proposals",))


# ------------------------------------------------------------------------------------- dtypes, types, messages


@pytest.mark.parametrize(
    "ref_dtype, prop_dtype",
    [(torch.float32, torch.float64), (torch.float64, torch.float32)],
    ids=["float32 reference, float64 proposals", "float64 reference, float32 proposals"],
)
def test_encode_returns_the_reference_boxes_dtype_when_proposals_differ(learner, ref_dtype, prop_dtype):
    # "in reference_boxes' dtype (proposals are converted to that dtype)": torch's type promotion would
    # make float32 - float64 a float64 result.
    seed = 111
    ref, prop = integer_boxes(5, seed, ref_dtype), integer_boxes(5, seed + 1, prop_dtype)
    got = learner.encode_boxes(ref, prop, SSD)
    call = call_repr("encode_boxes", ref, prop, SSD)
    assert_close(got, naive_encode(ref, prop.to(ref_dtype), SSD).to(ref_dtype), call=call, seed=seed)


@pytest.mark.parametrize(
    "deltas_dtype, prop_dtype",
    [(torch.float32, torch.float64), (torch.float64, torch.float32)],
    ids=["float32 deltas, float64 proposals", "float64 deltas, float32 proposals"],
)
def test_decode_returns_the_deltas_dtype_when_proposals_differ(learner, deltas_dtype, prop_dtype):
    seed = 113
    deltas, prop = random_deltas(5, seed, deltas_dtype), integer_boxes(5, seed + 1, prop_dtype)
    got = learner.decode_boxes(deltas, prop, SSD)
    expected = naive_decode(deltas, prop.to(deltas_dtype), SSD).to(deltas_dtype)
    assert_close(got, expected, call=call_repr("decode_boxes", deltas, prop, SSD), seed=seed)


@pytest.mark.parametrize(
    "fn, which",
    [("encode_boxes", "proposals"), ("decode_boxes", "deltas")],
    ids=["encode, integer proposals", "decode, integer deltas"],
)
def test_rejects_integer_proposals_and_deltas(learner, fn, which):
    # Every tensor argument must be floating point, not only the one whose dtype the result takes.
    ints = torch.tensor([[0, 0, 2, 2]])
    floats = ints.float()
    args = (floats, ints) if which == "proposals" else (ints, floats)
    assert_raises_naming(TypeError, getattr(learner, fn), *args, names=(which,))


@pytest.mark.parametrize(
    "fn, which",
    [("encode_boxes", "reference_boxes"), ("encode_boxes", "proposals"), ("decode_boxes", "deltas")],
)
def test_rejects_lists_in_place_of_tensors(learner, fn, which):
    # "not a floating-point tensor (a list, ...)": TypeError naming the argument, not an AttributeError
    # from deep inside, and not a silent torch.as_tensor.
    box = torch.tensor([[0.0, 0.0, 2.0, 2.0]])
    listed = [[0.0, 0.0, 2.0, 2.0]]
    args = (listed, box) if which in ("reference_boxes", "deltas") else (box, listed)
    assert_raises_naming(TypeError, getattr(learner, fn), *args, names=(which,))


@pytest.mark.parametrize("fn", ["encode_boxes", "decode_boxes"])
def test_rejects_weights_that_are_not_a_sequence(learner, fn):
    boxes = torch.tensor([[0.0, 0.0, 2.0, 2.0]])
    assert_raises_naming(TypeError, getattr(learner, fn), boxes, boxes, 10.0, names=("weights",))


@pytest.mark.parametrize(
    "which, bad_row",
    [
        ("reference_boxes", [1.0, 1.0, 1.0, 3.0]),
        ("reference_boxes", [1.0, 3.0, 3.0, 2.0]),
        ("proposals", [1.0, 2.0, 3.0, 2.0]),
    ],
    ids=["reference without width", "reference upside down", "proposal without height"],
)
def test_encode_rejects_boxes_without_width_or_height(learner, which, bad_row):
    # A reference box without area gives log(0) = -inf as its target, silently; y is checked like x.
    good = torch.tensor([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0]])
    bad = good.clone()
    bad[1] = torch.tensor(bad_row)
    args = (bad, good) if which == "reference_boxes" else (good, bad)
    assert_raises_naming(ValueError, learner.encode_boxes, *args, names=(which,))
