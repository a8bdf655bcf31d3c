"""Grader for positional_encoding: ``sinusoidal_encoding`` and ``offset_matrix``.

Expected values come from the formula evaluated here with Python's ``math`` (double precision), from
hand-worked rows, and from the notes' two claims made testable: a row does not depend on the table's length,
and moving by ``k`` positions is one fixed linear map (``PE[p + k] == PE[p] @ M.T`` for every ``p``), whose
maps compose (``M(a) M(b) = M(a + b)``).

Tolerances: float64 results must be accurate to float64 (defaults of ``assert_close``). For float32 the
grader mostly allows 1e-4, so that those tests speak about the formula: every wrong formula is off by far
more. The docstring also promises that a float32 result is the float64 one correctly rounded (angles, sines
and cosines in float64, one conversion): ``test_float32_results_are_the_float64_results_rounded`` holds that
to one float32 step, on a table long enough (2,000 positions) that float32 angles drift by ``p * 6e-8``.

Promises and the tests that hold them:
sinusoidal_encoding
- PE[p, 2i] = sin(p w_i), PE[p, 2i+1] = cos(p w_i), w_i = base^(-2i/d), float64-accurate
  -> test_table_matches_the_formula_in_float64, test_even_columns_hold_sines_and_odd_columns_cosines
- base sets the frequencies -> test_base_sets_the_frequencies
- a row does not depend on length -> test_row_of_a_position_does_not_depend_on_the_length
- PE[p] . PE[p + k] depends on k only -> test_dot_product_of_two_positions_depends_only_on_their_distance
- length 0 gives an empty [0, d] table -> test_zero_length_gives_an_empty_table
- float32 by default -> test_table_is_float32_by_default_and_accurate
- the default is torch.get_default_dtype(), read at call time -> test_default_dtype_follows_torch_get_default_dtype
- float32 is the float64 result correctly rounded -> test_float32_results_are_the_float64_results_rounded
- bad values -> ValueError naming length / d_model / base -> test_sinusoidal_encoding_rejects_bad_arguments
- length or d_model not an int (bool included) -> TypeError naming it
  -> test_sinusoidal_encoding_rejects_arguments_of_the_wrong_type
offset_matrix
- PE[p + k] == PE[p] @ M.T for every p, k negative and zero included
  -> test_offset_matrix_moves_every_position_by_k_in_float64, test_offset_matrix_moves_the_learners_own_float32_table
- a fractional offset -> test_offset_matrix_takes_a_fractional_offset
- the same base -> test_offset_matrix_with_another_base
- one 2x2 rotation block per frequency -> test_offset_matrix_of_one_step_in_two_dimensions
- M(a) M(b) = M(a + b), M(0) = I -> test_offset_matrices_compose_and_invert
- float32 by default, get_default_dtype(), correctly rounded -> test_offset_matrix_is_float32_by_default,
  test_default_dtype_follows_torch_get_default_dtype, test_float32_results_are_the_float64_results_rounded
- bad values -> ValueError naming d_model / base -> test_offset_matrix_rejects_bad_arguments
- offset not a number, d_model not an int -> TypeError naming it
  -> test_offset_matrix_rejects_arguments_of_the_wrong_type
"""

from __future__ import annotations

import math

import pytest
import torch

from graders.helpers import assert_close, assert_raises, call_repr

F32_ATOL = 1e-4


def reference_table(length: int, d: int, base: float = 10000.0) -> torch.Tensor:
    rows = []
    for p in range(length):
        row = []
        for i in range(d // 2):
            angle = p / base ** (2 * i / d)
            row += [math.sin(angle), math.cos(angle)]
        rows.append(row)
    return torch.tensor(rows, dtype=torch.float64).reshape(length, d)


def reference_offset(k: int, d: int) -> torch.Tensor:
    m = torch.zeros(d, d, dtype=torch.float64)
    for i in range(d // 2):
        w = k / 10000 ** (2 * i / d)
        m[2 * i, 2 * i] = m[2 * i + 1, 2 * i + 1] = math.cos(w)
        m[2 * i, 2 * i + 1] = math.sin(w)
        m[2 * i + 1, 2 * i] = -math.sin(w)
    return m


def close(actual, expected, call, *, dtype, what="result"):
    """float64: the defaults; float32: atol 1e-4 (see the module docstring)."""
    if dtype == torch.float32:
        assert_close(actual, expected.float(), call=call, rtol=0.0, atol=F32_ATOL, what=what)
    else:
        assert_close(actual, expected, call=call, what=what)


# ------------------------------------------------------------------------------------------- sinusoidal_encoding


@pytest.mark.points(2)
@pytest.mark.parametrize("length, d", [(50, 16), (7, 6), (120, 2)], ids=["50 x 16", "7 x 6", "120 x 2"])
def test_table_matches_the_formula_in_float64(learner, length, d):
    got = learner.sinusoidal_encoding(length, d, dtype=torch.float64)
    call = call_repr("sinusoidal_encoding", length, d, dtype=torch.float64)
    close(got, reference_table(length, d), call + "  [float64: compute the angles in float64]", dtype=torch.float64)


@pytest.mark.points(2)
def test_table_is_float32_by_default_and_accurate(learner):
    got = learner.sinusoidal_encoding(200, 64)
    close(got, reference_table(200, 64), "sinusoidal_encoding(200, 64)", dtype=torch.float32)


def test_even_columns_hold_sines_and_odd_columns_cosines(learner):
    got = learner.sinusoidal_encoding(2, 4, dtype=torch.float64)
    expected = torch.tensor(
        [[0.0, 1.0, 0.0, 1.0], [math.sin(1.0), math.cos(1.0), math.sin(0.01), math.cos(0.01)]], dtype=torch.float64
    )
    close(
        got,
        expected,
        "sinusoidal_encoding(2, 4)  [PE[p, 2i] = sin(p / 10000^(2i/4)), PE[p, 2i+1] = cos(...)]",
        dtype=torch.float64,
    )


@pytest.mark.parametrize("base", [100.0, 2.5])
def test_base_sets_the_frequencies(learner, base):
    got = learner.sinusoidal_encoding(30, 10, base=base, dtype=torch.float64)
    close(got, reference_table(30, 10, base), f"sinusoidal_encoding(30, 10, base={base})", dtype=torch.float64)


@pytest.mark.points(2)
def test_row_of_a_position_does_not_depend_on_the_length(learner):
    # The notes: index 2 of a 4-word sentence is encoded as index 2 of a 10-word sentence.
    short = learner.sinusoidal_encoding(4, 8, dtype=torch.float64)
    long = learner.sinusoidal_encoding(10, 8, dtype=torch.float64)
    close(short, long[:4], "sinusoidal_encoding(4, 8) against sinusoidal_encoding(10, 8)[:4]", dtype=torch.float64)
    close(long, reference_table(10, 8), "sinusoidal_encoding(10, 8)", dtype=torch.float64)


def test_dot_product_of_two_positions_depends_only_on_their_distance(learner):
    # PE[p] . PE[p + k] = sum_i cos(k w_i) for every p.
    d, length = 12, 40
    table = learner.sinusoidal_encoding(length, d, dtype=torch.float64)
    for k in (1, 3, 10):
        dots = (table[: length - k] * table[k:]).sum(dim=1)
        expected = sum(math.cos(k / 10000 ** (2 * i / d)) for i in range(d // 2))
        close(
            dots,
            torch.full((length - k,), expected, dtype=torch.float64),
            f"PE = sinusoidal_encoding({length}, {d}); (PE[p] * PE[p + {k}]).sum() for every p",
            dtype=torch.float64,
        )


def test_zero_length_gives_an_empty_table(learner):
    got = learner.sinusoidal_encoding(0, 6)
    close(got, torch.zeros(0, 6, dtype=torch.float64), "sinusoidal_encoding(0, 6)", dtype=torch.float32)


@pytest.mark.parametrize(
    "args, kwargs, match",
    [
        ((5, 7), {}, r"\bd_model\b"),
        ((5, 0), {}, r"\bd_model\b"),
        ((-1, 4), {}, r"\blength\b"),
        ((5, 4), {"base": 0.0}, r"\bbase\b"),
    ],
    ids=["odd d_model", "zero d_model", "negative length", "zero base"],
)
def test_sinusoidal_encoding_rejects_bad_arguments(learner, args, kwargs, match):
    assert_raises(ValueError, learner.sinusoidal_encoding, *args, match=match, **kwargs)


@pytest.mark.parametrize(
    "args, match",
    [((5.0, 4), r"\blength\b"), ((True, 4), r"\blength\b"), ((5, 4.0), r"\bd_model\b"), ((5, "4"), r"\bd_model\b")],
    ids=["float length", "bool length", "float d_model", "string d_model"],
)
def test_sinusoidal_encoding_rejects_arguments_of_the_wrong_type(learner, args, match):
    assert_raises(TypeError, learner.sinusoidal_encoding, *args, match=match)


@pytest.mark.parametrize("which", ["sinusoidal_encoding", "offset_matrix"])
def test_default_dtype_follows_torch_get_default_dtype(learner, which):
    # "default torch.get_default_dtype()": a float64 default gives float64 results, not a hard-coded float32.
    before = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        got = learner.sinusoidal_encoding(5, 4) if which == "sinusoidal_encoding" else learner.offset_matrix(3, 4)
    finally:
        torch.set_default_dtype(before)
    call = (
        f"{which}({'5, 4' if which == 'sinusoidal_encoding' else '3, 4'}) with torch.set_default_dtype(torch.float64)"
    )
    expected = reference_table(5, 4) if which == "sinusoidal_encoding" else reference_offset(3, 4)
    assert_close(got, expected, call=call)


@pytest.mark.parametrize("which", ["table", "offset matrix"])
def test_float32_results_are_the_float64_results_rounded(learner, which):
    # float32 angles drift by about p * 6e-8 (1e-4 at p = 2,000); float64 angles then one rounding land within
    # one float32 step (6e-8 for values in [-1, 1]) of the exact value.
    if which == "table":
        call = "sinusoidal_encoding(2000, 16) (float32)"
        got = learner.sinusoidal_encoding(2000, 16)
        expected = reference_table(2000, 16)
    else:
        call = "offset_matrix(1999.5, 16) (float32)"
        got = learner.offset_matrix(1999.5, 16)
        expected = reference_offset(1999.5, 16)
    assert_close(
        got, expected.float(), call=call + " against the float64 formula rounded to float32", rtol=0.0, atol=1.2e-7
    )


# ------------------------------------------------------------------------------------------- offset_matrix


@pytest.mark.points(2)
@pytest.mark.parametrize("k", [1, 2, 5, 17, -3, 0])
def test_offset_matrix_moves_every_position_by_k_in_float64(learner, k):
    length, d = 60, 16
    table = reference_table(length, d)
    M = learner.offset_matrix(k, d, dtype=torch.float64)
    lo, hi = max(0, -k), length - max(0, k)
    moved = table[lo:hi] @ M.T
    close(
        moved,
        table[lo + k : hi + k],
        f"PE[p] @ offset_matrix({k}, {d}).T for p = {lo}..{hi - 1} (PE from the formula)",
        dtype=torch.float64,
        what=f"the rows PE[p + {k}]",
    )


@pytest.mark.points(2)
def test_offset_matrix_moves_the_learners_own_float32_table(learner):
    length, d, k = 300, 64, 7
    table = learner.sinusoidal_encoding(length, d)
    M = learner.offset_matrix(k, d)
    close(
        table[: length - k] @ M.T,
        table[k:].double(),
        f"PE = sinusoidal_encoding({length}, {d}) (float32); PE[p] @ offset_matrix({k}, {d}).T against PE[p + {k}]",
        dtype=torch.float32,
    )


def test_offset_matrix_with_another_base(learner):
    length, d, k, base = 25, 8, 4, 50.0
    table = reference_table(length, d, base)
    M = learner.offset_matrix(k, d, base=base, dtype=torch.float64)
    close(
        table[: length - k] @ M.T,
        table[k:],
        f"PE[p] @ offset_matrix({k}, {d}, base={base}).T (PE from the formula with base {base})",
        dtype=torch.float64,
    )


def test_offset_matrix_of_one_step_in_two_dimensions(learner):
    got = learner.offset_matrix(1, 2, dtype=torch.float64)
    c, s = math.cos(1.0), math.sin(1.0)
    expected = torch.tensor([[c, s], [-s, c]], dtype=torch.float64)
    close(got, expected, "offset_matrix(1, 2)  [(sin p, cos p) -> (sin(p + 1), cos(p + 1))]", dtype=torch.float64)


def test_offset_matrices_compose_and_invert(learner):
    d = 10
    a, b = learner.offset_matrix(3, d, dtype=torch.float64), learner.offset_matrix(-8, d, dtype=torch.float64)
    close(
        a @ b,
        learner.offset_matrix(-5, d, dtype=torch.float64),
        "offset_matrix(3) @ offset_matrix(-8) against offset_matrix(-5)",
        dtype=torch.float64,
    )
    close(
        a @ learner.offset_matrix(-3, d, dtype=torch.float64),
        torch.eye(d, dtype=torch.float64),
        "offset_matrix(3) @ offset_matrix(-3)",
        dtype=torch.float64,
    )
    close(
        learner.offset_matrix(0, d, dtype=torch.float64),
        torch.eye(d, dtype=torch.float64),
        "offset_matrix(0, 10)",
        dtype=torch.float64,
    )


@pytest.mark.parametrize("k", [2.5, -0.25])
def test_offset_matrix_takes_a_fractional_offset(learner, k):
    # The rotation works for any real shift: PE(p + k) from the formula at fractional positions.
    d = 8
    positions = torch.arange(10, dtype=torch.float64)
    freqs = torch.tensor([10000 ** (-2 * i / d) for i in range(d // 2)], dtype=torch.float64)

    def pe(pos):
        angles = pos[:, None] * freqs[None, :]
        return torch.stack([torch.sin(angles), torch.cos(angles)], dim=2).reshape(len(pos), d)

    M = learner.offset_matrix(k, d, dtype=torch.float64)
    call = f"PE(p) @ offset_matrix({k}, {d}).T for p = 0..9"
    close(M, reference_offset(k, d), f"offset_matrix({k}, {d})", dtype=torch.float64)
    close(pe(positions) @ M.T, pe(positions + k), call, dtype=torch.float64, what=f"the rows PE(p + {k})")


def test_offset_matrix_is_float32_by_default(learner):
    got = learner.offset_matrix(2, 4)
    expected = reference_offset(2, 4)
    close(got, expected, "offset_matrix(2, 4)", dtype=torch.float32)


@pytest.mark.parametrize(
    "args, kwargs, match",
    [((1, 5), {}, r"\bd_model\b"), ((1, -2), {}, r"\bd_model\b"), ((1, 4), {"base": -10.0}, r"\bbase\b")],
    ids=["odd d_model", "negative d_model", "negative base"],
)
def test_offset_matrix_rejects_bad_arguments(learner, args, kwargs, match):
    assert_raises(ValueError, learner.offset_matrix, *args, match=match, **kwargs)


@pytest.mark.parametrize(
    "args, match",
    [(("3", 4), r"\boffset\b"), ((None, 4), r"\boffset\b"), ((1, 4.0), r"\bd_model\b")],
    ids=["string offset", "None offset", "float d_model"],
)
def test_offset_matrix_rejects_arguments_of_the_wrong_type(learner, args, match):
    assert_raises(TypeError, learner.offset_matrix, *args, match=match)
