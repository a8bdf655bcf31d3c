"""Grader for average_precision: scikit-learn's AP, VOC AP (11-point and all-point), detection AP and mAP.

Expected values come from scikit-learn's answers stored in ``fixtures/average_precision/average_precision.json``
(its ``generate.py`` regenerates them and the file records the versions), from hand-worked cases (worked out
in the comments), and from naive references written here: the PASCAL VOC devkit's loops for ``voc_ap`` and
a plain-Python greedy matcher for ``detection_ap``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, call_repr, describe

FIXTURE = json.loads(
    (Path(__file__).parent / "fixtures" / "average_precision" / "average_precision.json").read_text(encoding="utf-8")
)
SKLEARN = f"scikit-learn {FIXTURE['versions']['scikit-learn']}"
TIED = {
    "heavy ties",
    "ties across classes, positive listed first",
    "all scores equal",
    "all labels positive",
    "float32 scores with ties",
    "integer scores",
}
GROUPS = {
    "distinct scores": [c for c in FIXTURE["cases"] if c["name"] not in TIED],
    "tied scores": [c for c in FIXTURE["cases"] if c["name"] in TIED],
}
METRICS = pytest.mark.parametrize("use_07_metric", [False, True], ids=["all-point", "11-point"])


def case_inputs(case: dict) -> tuple[np.ndarray, np.ndarray]:
    return np.array(case["y_true"], dtype=case["y_true_dtype"]), np.array(case["y_score"], dtype=case["y_score_dtype"])


# ------------------------------------------------------------------------------------------- references


def reference_voc_ap(rec, prec, use_07_metric) -> float:
    """The VOC devkit's loops (py-faster-rcnn's voc_ap), with the 11 recall levels taken as i / 10."""
    rec, prec = [float(r) for r in rec], [float(p) for p in prec]
    if use_07_metric:
        total = 0.0
        for i in range(11):
            reached = [p for r, p in zip(rec, prec, strict=True) if r >= i / 10]
            total += max(reached) if reached else 0.0
        return total / 11
    mrec, mpre = [0.0, *rec, 1.0], [0.0, *prec, 0.0]
    for i in range(len(mpre) - 1, 0, -1):
        mpre[i - 1] = max(mpre[i - 1], mpre[i])
    return sum((mrec[i + 1] - mrec[i]) * mpre[i + 1] for i in range(len(mrec) - 1) if mrec[i + 1] != mrec[i])


def reference_iou(a, b) -> float:
    iw = max(min(a[2], b[2]) - max(a[0], b[0]), 0.0)
    ih = max(min(a[3], b[3]) - max(a[1], b[1]), 0.0)
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def reference_detection_ap(detections, ground_truths, iou_threshold=0.5, use_07_metric=False) -> float:
    """Greedy matching as documented: global descending score (stable), best still-unmatched ground truth."""
    gts = {
        img: [list(map(float, b)) for b in np.asarray(boxes, dtype=np.float64).reshape(-1, 4)]
        for img, boxes in ground_truths.items()
    }
    n_gt = sum(len(b) for b in gts.values())
    taken = {img: [False] * len(b) for img, b in gts.items()}
    ranked = sorted(range(len(detections)), key=lambda i: -float(detections[i][1]))
    tp = fp = 0
    rec, prec = [], []
    for i in ranked:
        img, _, box = detections[i]
        box = [float(v) for v in np.asarray(box, dtype=np.float64).reshape(4)]
        best, best_iou = None, -1.0
        for j, gt in enumerate(gts.get(img, [])):
            if not taken[img][j]:
                iou = reference_iou(box, gt)
                if iou > best_iou:
                    best, best_iou = j, iou
        if best is not None and best_iou >= iou_threshold:
            taken[img][best] = True
            tp += 1
        else:
            fp += 1
        rec.append(tp / n_gt)
        prec.append(tp / (tp + fp))
    return reference_voc_ap(rec, prec, use_07_metric)


def random_scene(seed: int, n_images: int = 7):
    """Ground truths (some images without any) and detections: jittered hits, duplicates, strays, stray images."""
    rng = np.random.default_rng(seed)
    gts, dets = {}, []
    for img in range(n_images):
        k = int(rng.integers(0, 5)) if img else 0  # image 0 has no ground truth
        xy = rng.random((k, 2)) * 80
        boxes = np.concatenate([xy, xy + 10 + rng.random((k, 2)) * 30], axis=1)
        gts[f"img{img}"] = boxes
        for box in boxes:
            for _ in range(int(rng.choice([0, 1, 1, 2]))):  # missed, found, found twice
                jitter = rng.normal(scale=3.0, size=4)
                d = box + jitter
                dets.append((f"img{img}", None, [min(d[0], d[2]), min(d[1], d[3]), max(d[0], d[2]), max(d[1], d[3])]))
        for _ in range(int(rng.integers(0, 3))):
            xy = rng.random(2) * 80
            dets.append((f"img{img}", None, [*xy, *(xy + 5 + rng.random(2) * 20)]))
    dets.append(("stray image", None, [0.0, 0.0, 10.0, 10.0]))
    scores = rng.permutation(len(dets)) / len(dets) + 0.01  # distinct
    dets = [(img, float(s), box) for (img, _, box), s in zip(dets, scores, strict=True)]
    order = rng.permutation(len(dets))
    return [dets[i] for i in order], gts


# The hand-worked detection case (see test_detection_ap_hand_worked_case for the arithmetic).
HAND_GTS = {
    "A": [[0, 0, 10, 10], [20, 20, 30, 30]],
    "B": [[0, 0, 10, 10]],
    "D": [[0, 0, 4, 4]],
}
HAND_DETS = [
    ("A", 0.95, [0, 0, 10, 10]),  # TP: g1 (IoU 1)
    ("A", 0.90, [1, 0, 10, 10]),  # FP: duplicate of g1 (IoU 0.9, g1 already taken)
    ("C", 0.85, [0, 0, 5, 5]),  # FP: image C has no ground truth
    ("B", 0.80, [0, 0, 10, 5]),  # TP: IoU exactly 0.5 with B's box
    ("A", 0.70, [20, 20, 30, 30]),  # TP: g2
    ("A", 0.60, [50, 50, 60, 60]),  # FP: overlaps nothing
]  # D's box is never detected


# ------------------------------------------------------------------------------------------- average_precision


@pytest.mark.points(2)
@pytest.mark.parametrize("group", list(GROUPS))
def test_average_precision_matches_scikit_learn(learner, group):
    for case in GROUPS[group]:
        y, s = case_inputs(case)
        got = learner.average_precision(y, s)
        assert_close(got, case["ap"], call=call_repr("average_precision", y, s) + f"  [{case['name']}; {SKLEARN}]")


def test_average_precision_hand_worked(learner):
    y, s = [1, 0, 1, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.5]
    got = learner.average_precision(y, s)
    # hits at ranks 1, 3, 4: (1/3)(1/1) + (1/3)(2/3) + (1/3)(3/4), no interpolation, no trapezoids
    assert_close(got, (1 + 2 / 3 + 3 / 4) / 3, call=f"average_precision({y}, {s})")


@pytest.mark.points(2)
def test_average_precision_accepts_tied_scores_together(learner):
    y, s = [1, 0, 1], [0.5, 0.5, 0.2]
    got = learner.average_precision(y, s)
    # threshold 0.5 accepts both tied samples: recall 1/2 at precision 1/2; then recall 1 at precision 2/3
    assert_close(got, 0.5 * 0.5 + 0.5 * 2 / 3, call=f"average_precision({y}, {s})  (a tie across the classes)")


def test_average_precision_returns_a_python_float(learner):
    got = learner.average_precision(np.array([0, 1, 1]), np.array([0.1, 0.7, 0.3]))
    assert isinstance(got, float), f"average_precision(...) returned {type(got).__name__}, expected float"


def test_average_precision_without_positives_raises(learner):
    y, s = np.zeros(4, dtype=np.int64), np.array([0.1, 0.4, 0.35, 0.8])
    assert_raises(ValueError, learner.average_precision, y, s, match="y_true|positive")


@pytest.mark.parametrize("labels", [[-1, 1, -1, 1], [0, 2, 0, 2]], ids=["minus one and one", "zero and two"])
def test_average_precision_rejects_labels_outside_zero_and_one(learner, labels):
    y, s = np.array(labels), np.array([0.1, 0.4, 0.35, 0.8])
    assert_raises(ValueError, learner.average_precision, y, s, match="y_true", call=f"average_precision({labels}, ...)")


# ------------------------------------------------------------------------------------------- voc_ap

# recall/precision after each detection of the hand-worked case: TP FP FP TP TP FP with 4 ground truths
HAND_REC = [0.25, 0.25, 0.25, 0.5, 0.75, 0.75]
HAND_PREC = [1.0, 1 / 2, 1 / 3, 2 / 4, 3 / 5, 3 / 6]


@pytest.mark.points(2)
def test_voc_ap_all_point_uses_the_precision_envelope(learner):
    got = learner.voc_ap(HAND_REC, HAND_PREC)
    # recall steps of 0.25 at 0.25, 0.5, 0.75 (and 1.0 at precision 0); the envelope lifts the precision at
    # recall 0.5 from 0.5 to 0.6 (reached later, at recall 0.75): 0.25 * (1 + 0.6 + 0.6) = 0.55
    # (without the envelope: 0.25 * (1 + 0.5 + 0.6) = 0.525)
    assert_close(got, 0.55, call=f"voc_ap({HAND_REC}, [1, 1/2, 1/3, 2/4, 3/5, 3/6])")


@pytest.mark.points(2)
def test_voc_ap_11_point_takes_the_best_precision_at_each_recall_level(learner):
    got = learner.voc_ap(HAND_REC, HAND_PREC, use_07_metric=True)
    # t = 0, 0.1, 0.2: 1.0; t = 0.3 ... 0.7: max precision at recall >= t is 0.6; t = 0.8, 0.9, 1.0: 0
    assert_close(got, (3 * 1.0 + 5 * 0.6) / 11, call=f"voc_ap({HAND_REC}, ..., use_07_metric=True)")


def test_voc_ap_11_point_and_all_point_differ_on_a_two_point_curve(learner):
    rec, prec = [0.5, 1.0], [1.0, 0.5]
    # all-point: 0.5 * 1 + 0.5 * 0.5 = 0.75; 11-point: (6 * 1 + 5 * 0.5) / 11 = 8.5 / 11
    assert_close(learner.voc_ap(rec, prec), 0.75, call=f"voc_ap({rec}, {prec})")
    assert_close(
        learner.voc_ap(rec, prec, use_07_metric=True), 8.5 / 11, call=f"voc_ap({rec}, {prec}, use_07_metric=True)"
    )


@pytest.mark.points(2)
@METRICS
def test_voc_ap_matches_the_devkit_loops_on_random_curves(learner, use_07_metric):
    seed = 41
    rng = np.random.default_rng(seed)
    for trial in range(6):
        hits = rng.random(int(rng.integers(5, 30))) < rng.uniform(0.2, 0.9)
        n_gt = 13  # k / 13 never lands on a recall level t = i / 10 (except 0 and 1)
        tp = np.minimum(np.cumsum(hits), n_gt)
        rec = tp / n_gt
        prec = tp / np.arange(1, len(hits) + 1)
        got = learner.voc_ap(rec, prec, use_07_metric=use_07_metric)
        call = call_repr("voc_ap", rec, prec, use_07_metric=use_07_metric) + f" (trial {trial})"
        assert_close(got, reference_voc_ap(rec, prec, use_07_metric), call=call, seed=seed)


@METRICS
def test_voc_ap_of_an_empty_curve_is_zero(learner, use_07_metric):
    got = learner.voc_ap(np.zeros(0), np.zeros(0), use_07_metric=use_07_metric)
    assert_close(got, 0.0, call=f"voc_ap([], [], use_07_metric={use_07_metric})")


@pytest.mark.parametrize(
    "rec, prec, match",
    [
        ([0.5, 1.0], [1.0], "precision|recall|length"),
        ([0.5, 0.25], [1.0, 0.5], "recall"),
        ([0.5, 1.5], [1.0, 0.5], "recall"),
        ([0.5, 1.0], [1.0, -0.5], "precision"),
    ],
    ids=["lengths differ", "recall decreases", "recall above one", "negative precision"],
)
def test_voc_ap_rejects_bad_curves(learner, rec, prec, match):
    assert_raises(ValueError, learner.voc_ap, rec, prec, match=match, call=f"voc_ap({rec}, {prec})")


# ------------------------------------------------------------------------------------------- detection_ap


@pytest.mark.points(2)
@METRICS
def test_detection_ap_hand_worked_case(learner, use_07_metric):
    got = learner.detection_ap(HAND_DETS, HAND_GTS, use_07_metric=use_07_metric)
    # In score order: TP, FP (duplicate), FP (image without ground truth), TP (IoU exactly 0.5), TP, FP;
    # 4 ground truths (D's never detected): recall 1/4 1/4 1/4 2/4 3/4 3/4, precision 1 1/2 1/3 2/4 3/5 3/6.
    # all-point: 0.25 * (1 + 0.6 + 0.6) = 0.55;  11-point: (3 * 1 + 5 * 0.6) / 11 = 6 / 11
    expected = 6 / 11 if use_07_metric else 0.55
    call = f"detection_ap(<6 detections over images A, B, C>, <4 boxes in A, B, D>, use_07_metric={use_07_metric})"
    assert_close(got, expected, call=call)


@pytest.mark.points(2)
def test_detection_ap_counts_duplicate_detections_as_false_positives(learner):
    gts = {"a": [[0, 0, 10, 10]], "b": [[0, 0, 10, 10]]}
    dets = [("a", 0.9, [0, 0, 10, 10]), ("a", 0.8, [0, 0, 10, 10]), ("b", 0.7, [0, 0, 10, 10])]
    got = learner.detection_ap(dets, gts)
    # TP, FP (same object again), TP: recall 1/2 1/2 1, precision 1 1/2 2/3 -> 0.5 * 1 + 0.5 * 2/3
    assert_close(got, 0.5 + 0.5 * 2 / 3, call="detection_ap(<a hit, the same hit again, a hit in b>, ...)")


def test_detection_ap_matches_each_ground_truth_once_to_the_best_unmatched(learner):
    gts = {"a": [[0, 0, 10, 10], [2, 0, 12, 10]]}  # two overlapping objects
    dets = [("a", 0.9, [0, 0, 10, 10]), ("a", 0.8, [0.5, 0, 10.5, 10])]
    got = learner.detection_ap(dets, gts)
    # the second detection overlaps the taken box most (IoU 0.905) but the free one enough (0.739): a TP
    assert_close(got, 1.0, call="detection_ap(<two detections of two overlapping boxes>, ...)")
    dets = [("a", 0.9, [0, 0, 10, 10]), ("a", 0.8, [0.2, 0, 10.2, 10]), ("a", 0.7, [-5, 0, 5, 10])]
    gts = {"a": [[0, 0, 10, 10]]}
    # only one object: every later detection is a duplicate or a miss -> recall reaches 1 at rank 1
    assert_close(learner.detection_ap(dets, gts), 1.0, call="detection_ap(<one box, three detections>, ...)")


@pytest.mark.points(2)
def test_detection_ap_ranks_detections_across_images(learner):
    gts = {"A": [[0, 0, 10, 10]], "B": [[0, 0, 10, 10]]}
    dets = [
        ("A", 0.9, [0, 0, 10, 10]),  # TP
        ("A", 0.5, [40, 40, 50, 50]),  # FP
        ("B", 0.8, [40, 40, 50, 50]),  # FP
        ("B", 0.7, [0, 0, 10, 10]),  # TP
    ]
    got = learner.detection_ap(dets, gts)
    # global order 0.9 TP, 0.8 FP, 0.7 TP, 0.5 FP: 0.5 * 1 + 0.5 * 2/3; image by image it would be 0.75
    assert_close(got, 0.5 + 0.5 * 2 / 3, call="detection_ap(<detections listed image by image>, ...)")


def test_detection_ap_images_without_ground_truth_give_false_positives(learner):
    gts = {"a": [[0, 0, 10, 10]], "empty": np.zeros((0, 4))}
    dets = [("empty", 0.9, [0, 0, 10, 10]), ("absent", 0.8, [0, 0, 10, 10]), ("a", 0.7, [0, 0, 10, 10])]
    got = learner.detection_ap(dets, gts)
    # FP, FP, TP: recall 0 0 1 precision 0 0 1/3 -> 1/3
    assert_close(got, 1 / 3, call="detection_ap(<detections in an image with no boxes and one not listed>, ...)")


def test_detection_ap_counts_ground_truths_that_were_never_detected(learner):
    gts = {"a": [[0, 0, 10, 10]], "b": [[0, 0, 10, 10], [20, 20, 30, 30]], "c": [[5, 5, 9, 9]]}
    dets = [("a", 0.9, [0, 0, 10, 10]), ("b", 0.8, [20, 20, 30, 30])]
    got = learner.detection_ap(dets, gts)
    # 4 ground truths, 2 found at precision 1: recall 1/4 then 2/4 -> 0.5
    assert_close(got, 0.5, call="detection_ap(<2 hits>, <4 boxes over 3 images>)")


def test_detection_ap_matches_at_exactly_the_iou_threshold(learner):
    gts = {"a": [[0, 0, 2, 1]]}
    at = [("a", 0.9, [0, 0, 1, 1])]  # IoU 1 / 2 exactly
    assert_close(
        learner.detection_ap(at, gts, iou_threshold=0.5), 1.0, call="detection_ap(<IoU 0.5>, iou_threshold=0.5)"
    )
    below = [("a", 0.9, [0, 0, 0.99, 1])]
    assert_close(
        learner.detection_ap(below, gts, iou_threshold=0.5), 0.0, call="detection_ap(<IoU 0.495>, iou_threshold=0.5)"
    )
    assert_close(
        learner.detection_ap(at, gts, iou_threshold=0.75), 0.0, call="detection_ap(<IoU 0.5>, iou_threshold=0.75)"
    )


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "iou_threshold, use_07_metric",
    [(0.5, False), (0.5, True), (0.75, False)],
    ids=["IoU 0.5 all-point", "IoU 0.5 11-point", "IoU 0.75 all-point"],
)
def test_detection_ap_matches_reference_on_random_scenes(learner, iou_threshold, use_07_metric):
    for seed in (51, 52, 53):
        dets, gts = random_scene(seed)
        got = learner.detection_ap(dets, gts, iou_threshold=iou_threshold, use_07_metric=use_07_metric)
        expected = reference_detection_ap(dets, gts, iou_threshold, use_07_metric)
        call = (
            f"detection_ap(<{len(dets)} detections>, <{sum(len(b) for b in gts.values())} boxes in {len(gts)} "
            f"images>, iou_threshold={iou_threshold}, use_07_metric={use_07_metric})"
        )
        assert_close(got, expected, call=call, seed=seed)


def test_detection_ap_accepts_tensors_and_arrays(learner):
    gts = {0: torch.tensor([[0.0, 0.0, 10.0, 10.0]]), 1: np.array([[0.0, 0.0, 10.0, 10.0]])}
    dets = [
        (0, 0.9, torch.tensor([0.0, 0.0, 10.0, 10.0])),
        (1, 0.8, np.array([50.0, 50, 60, 60])),
        (1, torch.tensor(0.7).item(), (0, 0, 10, 10)),
    ]
    got = learner.detection_ap(dets, gts)
    assert_close(got, 0.5 + 0.5 * 2 / 3, call="detection_ap(<boxes as tensors, arrays and tuples>, ...)")


def test_detection_ap_with_no_detections_is_zero(learner):
    got = learner.detection_ap([], {"a": [[0, 0, 10, 10]]})
    assert_close(got, 0.0, call="detection_ap([], {'a': [[0, 0, 10, 10]]})")


def test_detection_ap_leaves_the_detection_list_in_its_order(learner):
    dets, gts = random_scene(54)
    before = list(dets)
    learner.detection_ap(dets, gts)
    assert_equal(
        [d[1] for d in dets],
        [d[1] for d in before],
        call="detection_ap(dets, gts)",
        what="scores of `dets` after the call (the input list was reordered; sort a copy)",
    )


@pytest.mark.parametrize("gts", [{}, {"a": np.zeros((0, 4))}], ids=["no image", "no box"])
def test_detection_ap_without_ground_truth_raises(learner, gts):
    dets = [("a", 0.9, [0, 0, 10, 10])]
    assert_raises(
        ValueError,
        learner.detection_ap,
        dets,
        gts,
        match="ground_truths|ground truth",
        call=f"detection_ap(<1 detection>, {describe(gts)})",
    )


@pytest.mark.parametrize(
    "dets, kwargs, match",
    [
        ([("a", 0.9, [10, 0, 0, 10])], {}, "detection|box"),
        ([("a", 0.9, [0, 0, 10])], {}, "detection|box"),
        ([("a", 0.9, [0, 0, 10, 10])], {"iou_threshold": 1.5}, "iou_threshold"),
        ([("a", 0.9, [0, 0, 10, 10])], {"iou_threshold": 0.0}, "iou_threshold"),
    ],
    ids=["inverted box", "three numbers", "threshold above one", "threshold zero"],
)
def test_detection_ap_rejects_bad_input(learner, dets, kwargs, match):
    gts = {"a": [[0, 0, 10, 10]]}
    assert_raises(
        ValueError,
        learner.detection_ap,
        dets,
        gts,
        match=match,
        **kwargs,
        call=f"detection_ap({dets}, {{'a': [[0, 0, 10, 10]]}}, {kwargs})",
    )


# ------------------------------------------------------------------------------------------- mean_ap


@pytest.mark.points(2)
def test_mean_ap_averages_over_classes_with_ground_truth(learner):
    gts = {"cat": HAND_GTS, "dog": {"A": [[40, 40, 60, 60]]}, "cow": {"A": np.zeros((0, 4))}}
    dets = {"cat": HAND_DETS, "bird": [("A", 0.9, [0, 0, 10, 10])], "cow": [("A", 0.8, [0, 0, 5, 5])]}
    got = learner.mean_ap(dets, gts)
    # cat 0.55 (the hand-worked case), dog 0.0 (never detected); cow and bird have no ground truth
    assert_close(got, (0.55 + 0.0) / 2, call="mean_ap(<cat, bird, cow>, <cat, dog, cow without boxes>)")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "iou_threshold, use_07_metric", [(0.5, False), (0.7, True)], ids=["IoU 0.5 all-point", "IoU 0.7 11-point"]
)
def test_mean_ap_is_the_mean_of_per_class_reference_ap(learner, iou_threshold, use_07_metric):
    seeds = {"person": 61, "car": 62, "dog": 63}
    scenes = {cls: random_scene(seed) for cls, seed in seeds.items()}
    dets = {cls: d for cls, (d, _) in scenes.items()}
    gts = {cls: g for cls, (_, g) in scenes.items()}
    got = learner.mean_ap(dets, gts, iou_threshold=iou_threshold, use_07_metric=use_07_metric)
    expected = np.mean([reference_detection_ap(dets[c], gts[c], iou_threshold, use_07_metric) for c in seeds])
    call = f"mean_ap(<3 classes>, <3 classes>, iou_threshold={iou_threshold}, use_07_metric={use_07_metric})"
    assert_close(got, float(expected), call=call, seed=61)


def test_mean_ap_without_any_ground_truth_raises(learner):
    dets = {"cat": [("a", 0.9, [0, 0, 10, 10])]}
    gts = {"cat": {"a": np.zeros((0, 4))}}
    assert_raises(
        ValueError,
        learner.mean_ap,
        dets,
        gts,
        match="ground_truths|ground truth",
        call="mean_ap(<1 detection>, <no box in any class>)",
    )
