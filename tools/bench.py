"""Time reference solutions against baselines measured in the same run, and print the ratios.

    python tools/bench.py [SLUG ...] [--repeat N]

Speed claims live here, not in the graders: a grader's timeout only separates complexity classes. Each case
times the reference solution and one or more baselines (a built-in with the same semantics, or the naive
approach the exercise warns against) on the same input, best of N runs, and prints time and ratio to the
first baseline. A case whose solution is not written yet is skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grading.layout import LAYOUT  # noqa: E402


def solution(slug: str):
    path = LAYOUT.solution(slug)
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"_bench_{slug}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def report(title: str, timings: list[tuple[str, float]]) -> None:
    base = timings[0][1]
    print(f"\n{title}")
    for name, seconds in timings:
        print(f"  {name:<44} {seconds * 1000:10.1f} ms   x{seconds / base:6.2f}")


# ----------------------------------------------------------------------------------------------- cases


def bench_box_iou(repeat: int) -> None:
    import torch

    mod = solution("box_iou")
    if mod is None:
        return
    g = torch.Generator().manual_seed(0)
    xy = torch.rand(2000, 2, generator=g) * 500
    boxes = torch.cat([xy, xy + torch.rand(2000, 2, generator=g) * 50], 1)

    def row_loop():
        return torch.stack([mod.box_iou(b[None], boxes)[0] for b in boxes])

    timings = [("solution box_iou, 2000 x 2000", best_of(lambda: mod.box_iou(boxes, boxes), repeat))]
    timings.append(("baseline: Python loop over rows", best_of(row_loop, 1)))
    report("box_iou: broadcasting against a loop over rows", timings)


def bench_nms(repeat: int) -> None:
    import torch

    mod = solution("nms")
    if mod is None:
        return
    g = torch.Generator().manual_seed(0)
    xy = torch.rand(5000, 2, generator=g) * 1000
    boxes = torch.cat([xy, xy + torch.rand(5000, 2, generator=g) * 100 + 1], 1)
    scores = torch.rand(5000, generator=g)

    def full_matrix():
        order = scores.argsort(descending=True, stable=True)
        b = boxes[order]
        lt = torch.maximum(b[:, None, :2], b[None, :, :2])
        rb = torch.minimum(b[:, None, 2:], b[None, :, 2:])
        wh = (rb - lt).clamp(min=0)
        inter = wh[..., 0] * wh[..., 1]
        area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
        iou = inter / (area[:, None] + area[None, :] - inter)
        keep = torch.ones(len(b), dtype=torch.bool)
        for i in range(len(b)):
            if keep[i]:
                keep[i + 1 :] &= iou[i, i + 1 :] <= 0.5
        return order[keep]

    timings = [("solution nms, 5000 boxes", best_of(lambda: mod.nms(boxes, scores, 0.5), repeat))]
    timings.append(("baseline: full IoU matrix, then a loop", best_of(full_matrix, 1)))
    report("nms: 5,000 random boxes, threshold 0.5", timings)


def bench_dir_difference(repeat: int) -> None:
    mod = solution("dir_difference")
    if mod is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        larger, smaller = Path(tmp, "larger"), Path(tmp, "smaller")
        for i in range(21_000):
            rel = f"d{i % 50}/e{i % 7}/f{i}.jpg"
            for root in (larger, smaller) if i < 20_000 else (larger,):
                p = root / rel
                p.parent.mkdir(parents=True, exist_ok=True)
                p.touch()

        def bare_walk():
            n = 0
            stack = [str(larger), str(smaller)]
            while stack:
                with os.scandir(stack.pop()) as it:
                    for e in it:
                        if e.is_dir(follow_symlinks=False):
                            stack.append(e.path)
                        else:
                            n += 1
            return n

        timings = [("baseline: bare os.scandir walk of both trees", best_of(bare_walk, repeat))]
        timings.append(("solution dir_difference", best_of(lambda: mod.dir_difference(larger, smaller), repeat)))
        timings.append(("pathlib.rglob of both trees", best_of(lambda: [*larger.rglob("*"), *smaller.rglob("*")], 1)))
        report("dir_difference: 21,000 vs 20,000 files (cost of listing is the floor)", timings)


def bench_max_subarray(repeat: int) -> None:
    mod = solution("max_subarray")
    if mod is None:
        return
    rng = random.Random(0)
    nums = [rng.randint(-100, 100) for _ in range(1_000_000)]

    def kadane_with_max():
        best = cur = nums[0]
        for x in nums[1:]:
            cur = max(x, cur + x)
            best = max(best, cur)
        return best

    timings = [("solution max_subarray, 10^6 ints", best_of(lambda: mod.max_subarray(nums), repeat))]
    timings.append(("Kadane written with max() calls", best_of(kadane_with_max, repeat)))
    report("max_subarray: one pass over 10^6 ints", timings)


def bench_top_k(repeat: int) -> None:
    import heapq

    mod = solution("top_k")
    if mod is None:
        return
    rng = random.Random(0)
    values = [rng.random() for _ in range(1_000_000)]
    timings = [("baseline: heapq.nlargest(10, ...)", best_of(lambda: heapq.nlargest(10, values), repeat))]
    timings.append(("solution top_k(values, 10)", best_of(lambda: mod.top_k(iter(values), 10), repeat)))
    timings.append(("sorted(values, reverse=True)[:10]", best_of(lambda: sorted(values, reverse=True)[:10], repeat)))
    report("top_k: 10 largest of 10^6 floats", timings)


def bench_attention(repeat: int) -> None:
    import torch
    import torch.nn.functional as F

    mod = solution("attention")
    if mod is None:
        return
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(8, 8, 512, 64, generator=g) for _ in range(3))
    timings = [
        ("baseline: F.scaled_dot_product_attention", best_of(lambda: F.scaled_dot_product_attention(q, k, v), repeat))
    ]
    timings.append(
        ("solution scaled_dot_product_attention", best_of(lambda: mod.scaled_dot_product_attention(q, k, v), repeat))
    )
    report("attention: (8, 8, 512, 64) float32", timings)


def bench_normalization(repeat: int) -> None:
    import torch
    import torch.nn.functional as F

    mod = solution("normalization")
    if mod is None:
        return
    x = torch.randn(64, 512, 768, generator=torch.Generator().manual_seed(0))
    timings = [("baseline: F.layer_norm", best_of(lambda: F.layer_norm(x, (768,)), repeat))]
    timings.append(("solution layer_norm", best_of(lambda: mod.layer_norm(x, (768,)), repeat)))
    report("layer_norm: (64, 512, 768) float32", timings)


# ----------------------------------------------------------------------------------------------- the engine


def _seconds(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    """Median wall-clock time of a command over ``repeat`` runs (its output discarded)."""
    import statistics
    import subprocess

    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_engine(repeat: int) -> None:
    """The engine's own speed, as ratios to the floor ``python -c "import torch, pytest"`` timed in this run."""
    import shutil
    import subprocess

    py = sys.executable
    grading = [py, "-m", "grading", "-q", "--results", os.devnull]
    env = dict(os.environ, KATA_PERSISTENT_WORKER="1")
    env.pop("CI", None)
    floor = _seconds([py, "-c", "import torch, pytest"], max(repeat, 5))
    rows: list[tuple[str, float, float | None]] = []  # (what, seconds, ratio to floor that is the goal)

    one = ["max_subarray", "--target", "solutions"]
    rows.append(
        (
            "one exercise, fresh interpreter (the old model)",
            _seconds([*grading, *one, "--worker", "fresh"], repeat),
            None,
        )
    )
    rows.append(
        ("one exercise, a warm worker for the run (cold)", _seconds([*grading, *one, "--worker", "run"], repeat), None)
    )
    _seconds([*grading, *one, "--worker", "persistent"], 1, env)  # start the persistent worker
    rows.append(
        (
            "one exercise, the persistent warm worker",
            _seconds([*grading, *one, "--worker", "persistent"], repeat, env),
            1.2,
        )
    )
    nox = [py, "-m", "nox", "-s", "grade", "--"]
    subprocess.run(
        [*nox, "max_subarray", "-q"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    rows.append(
        ("one stub through nox -s grade -- max_subarray", _seconds([*nox, "max_subarray", "-q"], repeat, env), 1.6)
    )

    every_solution = [*grading, "--target", "solutions"]
    rows.append(("all ready exercises of solutions/", _seconds(every_solution, 1), 20.0))
    # What containment costs: the same run with the tamper checks, the PID namespace and the change of
    # user switched off (switches that exist for this measurement).
    bare = dict(os.environ, KATA_INTEGRITY="0", KATA_PID_NAMESPACE="0", KATA_SANDBOX_USER="root")
    rows.append(("  the same, containment switched off", _seconds(every_solution, 1, bare), None))
    with tempfile.TemporaryDirectory(prefix="kata-bench-") as tmp:
        for slug in ("max_subarray", "box_iou", "nms"):
            shutil.copytree(LAYOUT.solution(slug).parent, Path(tmp) / slug)
        three = _seconds([*grading, "max_subarray", "box_iou", "nms", "--target", tmp], repeat)
        every = _seconds([*grading, "--target", tmp], repeat)
    print("\nengine: wall-clock seconds (median) and ratio to the floor, timed in this run")
    label = 'floor: python -c "import torch, pytest"'
    print(f"  {label:<52} {floor:7.2f} s")
    for what, seconds, goal in rows:
        verdict = "" if goal is None else f"   goal <= {goal:g}x: {'met' if seconds / floor <= goal else 'NOT MET'}"
        print(f"  {what:<52} {seconds:7.2f} s   x{seconds / floor:5.2f}{verdict}")
    ratio = every / three
    print(
        f"  {'3 exercises present, all ready ones graded':<52} {every:7.2f} s   x{ratio:5.2f} of grading those 3 alone "
        f"({three:.2f} s)   goal <= 4x: {'met' if ratio <= 4 else 'NOT MET'}"
    )


CASES = {
    "engine": bench_engine,
    "box_iou": bench_box_iou,
    "nms": bench_nms,
    "dir_difference": bench_dir_difference,
    "max_subarray": bench_max_subarray,
    "top_k": bench_top_k,
    "attention": bench_attention,
    "normalization": bench_normalization,
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("slugs", nargs="*", choices=[[], *CASES], metavar="SLUG", default=[])
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    for slug in args.slugs or list(CASES):
        CASES[slug](args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
