"""Grader for average_precision: scikit-learn's AP, VOC AP (11-point and all-point), detection AP and mAP.

Expected values come from scikit-learn's answers stored in ``fixtures/average_precision/average_precision.json``
(its ``generate.py`` regenerates them and the file records the versions), from hand-worked cases (worked out
in the comments), and from naive references written here: the PASCAL VOC devkit's loops for ``voc_ap`` and
a plain-Python greedy matcher for ``detection_ap``.

Promises and the tests that hold them:
- average_precision equals scikit-learn's -> test_average_precision_matches_scikit_learn
- sum of (R_n - R_{n-1}) P_n, no interpolation, no trapezoids -> test_average_precision_hand_worked
- tied scores accepted together -> test_average_precision_accepts_tied_scores_together,
  test_average_precision_matches_scikit_learn[tied scores]
- only exactly equal scores tie -> test_average_precision_scores_one_bit_apart_are_not_ties
- labels as ints, floats or bools -> test_average_precision_matches_scikit_learn (bool labels),
  test_average_precision_accepts_float_and_bool_labels
- returns a float; 1.0 for a perfect ranking -> test_average_precision_returns_a_python_float,
  test_average_precision_matches_scikit_learn[distinct scores] (perfect ranking)
- inputs not modified -> test_average_precision_leaves_inputs_unchanged
- ValueError naming y_true: no positive, labels outside {0, 1} -> test_average_precision_without_positives_raises,
  test_average_precision_rejects_labels_outside_zero_and_one
- ValueError naming the argument: not 1-D, lengths, NaN or inf scores -> test_average_precision_rejects_bad_arrays
- TypeError naming y_score when not numeric -> test_average_precision_rejects_non_numeric_scores_with_type_error
- voc_ap all-point: area under the precision envelope -> test_voc_ap_all_point_uses_the_precision_envelope,
  test_voc_ap_matches_the_devkit_loops_on_random_curves
- voc_ap 11-point: levels t = i / 10, recall >= t, 0 where none ->
  test_voc_ap_11_point_takes_the_best_precision_at_each_recall_level,
  test_voc_ap_11_point_counts_a_recall_of_exactly_three_tenths,
  test_voc_ap_11_point_and_all_point_differ_on_a_two_point_curve
- voc_ap 0.0 for an empty curve -> test_voc_ap_of_an_empty_curve_is_zero
- every AP is a float, the 0.0 cases included -> test_every_ap_is_a_python_float
- voc_ap ValueError naming recall or precision -> test_voc_ap_rejects_bad_curves
- detection_ap: greedy over all images by descending score -> test_detection_ap_ranks_detections_across_images,
  test_detection_ap_matches_reference_on_random_scenes, test_detection_ap_hand_worked_case
- equal detection scores keep their input order -> test_detection_ap_equal_scores_keep_their_input_order
- the best still unmatched ground truth, the first on equal IoU ->
  test_detection_ap_matches_each_ground_truth_once_to_the_best_unmatched,
  test_detection_ap_takes_the_first_ground_truth_on_equal_iou
- IoU >= iou_threshold matches; iou_threshold in (0, 1], 1 included ->
  test_detection_ap_matches_at_exactly_the_iou_threshold, test_detection_ap_accepts_an_iou_threshold_of_one,
  test_detection_ap_rejects_bad_input
- width x2 - x1 (no + 1) -> test_detection_ap_matches_at_exactly_the_iou_threshold (IoU 0.495 becomes 0.66 with + 1)
- IoU of a zero union is 0 -> not observable through detection_ap (a zero-area box is a false positive either way)
- duplicates are false positives -> test_detection_ap_counts_duplicate_detections_as_false_positives
- images without (or absent from) ground truth give false positives ->
  test_detection_ap_images_without_ground_truth_give_false_positives
- recall over all ground truths -> test_detection_ap_counts_ground_truths_that_were_never_detected
- boxes as sequences, arrays or tensors; detections any iterable -> test_detection_ap_accepts_tensors_and_arrays,
  test_detection_ap_accepts_a_generator
- 0.0 with no detections -> test_detection_ap_with_no_detections_is_zero
- the detection list is not reordered -> test_detection_ap_leaves_the_detection_list_in_its_order
- ValueError naming ground_truths without any box -> test_detection_ap_without_ground_truth_raises
- ValueError naming detections (bad box, non-finite score) or iou_threshold -> test_detection_ap_rejects_bad_input
- ValueError naming ground_truths for a bad ground-truth box -> test_detection_ap_rejects_bad_ground_truth_boxes
- mean_ap over the classes with ground truth; a class without detections is 0 ->
  test_mean_ap_averages_over_classes_with_ground_truth, test_mean_ap_is_the_mean_of_per_class_reference_ap
- mean_ap ValueError naming ground_truths without any box -> test_mean_ap_without_any_ground_truth_raises
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr, describe

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
    assert_raises(ValueError, learner.average_precision, y, s, match=r"\by_true\b")


@pytest.mark.parametrize("labels", [[-1, 1, -1, 1], [0, 2, 0, 2]], ids=["minus one and one", "zero and two"])
def test_average_precision_rejects_labels_outside_zero_and_one(learner, labels):
    y, s = np.array(labels), np.array([0.1, 0.4, 0.35, 0.8])
    call = f"average_precision({labels}, ...)"
    assert_raises(ValueError, learner.average_precision, y, s, match=r"\by_true\b", call=call)


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
        ([0.5, 1.0], [1.0], r"\bprecision\b|\brecall\b"),
        ([0.5, 0.25], [1.0, 0.5], r"\brecall\b"),
        ([0.5, 1.5], [1.0, 0.5], r"\brecall\b"),
        ([0.5, 1.0], [1.0, -0.5], r"\bprecision\b"),
        ([[0.5, 1.0]], [[1.0, 0.5]], r"\brecall\b|\bprecision\b"),
    ],
    ids=["lengths differ", "recall decreases", "recall above one", "negative precision", "two-dimensional"],
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
        match=r"\bground_truths\b",
        call=f"detection_ap(<1 detection>, {describe(gts)})",
    )


@pytest.mark.parametrize(
    "dets, kwargs, match",
    [
        ([("a", 0.9, [10, 0, 0, 10])], {}, r"\bdetections\b"),
        ([("a", 0.9, [0, 0, 10])], {}, r"\bdetections\b"),
        ([("a", 0.9, [0, 0, 10, 10])], {"iou_threshold": 1.5}, r"\biou_threshold\b"),
        ([("a", 0.9, [0, 0, 10, 10])], {"iou_threshold": 0.0}, r"\biou_threshold\b"),
        ([("a", float("nan"), [0, 0, 10, 10])], {}, r"\bdetections\b"),
        ([("a", float("inf"), [0, 0, 10, 10])], {}, r"\bdetections\b"),
    ],
    ids=["inverted box", "three numbers", "threshold above one", "threshold zero", "NaN score", "infinite score"],
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
        match=r"\bground_truths\b",
        call="mean_ap(<1 detection>, <no box in any class>)",
    )


# ------------------------------------------------------------------------------------------- more promises


@pytest.mark.points(2)
def test_average_precision_scores_one_bit_apart_are_not_ties(learner):
    # "only exactly equal scores": the negative at 0.5 and the positive at the next float64 above it are
    # two thresholds, so the positive comes first: hits at ranks 1 and 2 -> AP 1. (Merged into one tie,
    # as np.isclose or a float32 copy would, the first threshold has precision 1/2: AP 0.75.)
    up = np.nextafter(0.5, 1.0)
    y, s = np.array([0, 1, 1]), np.array([0.5, up, 0.8])
    call = call_repr("average_precision", y, s) + "  (0.5 and the next float64 above it)"
    assert_close(learner.average_precision(y, s), 1.0, call=call)


def test_average_precision_accepts_float_and_bool_labels(learner):
    s = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    expected = (1 + 2 / 3 + 3 / 4) / 3  # as in test_average_precision_hand_worked
    for y in (np.array([1.0, 0.0, 1.0, 1.0, 0.0]), np.array([True, False, True, True, False])):
        assert_close(learner.average_precision(y, s), expected, call=call_repr("average_precision", y, s))


@pytest.mark.parametrize(
    "y, s, match",
    [
        (np.array([[0], [1], [1]]), np.array([0.1, 0.2, 0.3]), r"\by_true\b"),
        (np.array([0, 1, 1]), np.array([[0.1], [0.2], [0.3]]), r"\by_score\b"),
        (np.array([0, 1, 1]), np.array([0.1, 0.2]), r"\by_true\b|\by_score\b"),
        (np.array([0, 1, 1]), np.array([0.1, np.nan, 0.3]), r"\by_score\b"),
        (np.array([0, 1, 1]), np.array([0.1, np.inf, 0.3]), r"\by_score\b"),
        (np.array([0, 1, 1]), np.array([0.1, -np.inf, 0.3]), r"\by_score\b"),
    ],
    ids=["y_true a column", "y_score a column", "lengths differ", "NaN score", "inf score", "minus inf score"],
)
def test_average_precision_rejects_bad_arrays(learner, y, s, match):
    assert_raises(ValueError, learner.average_precision, y, s, match=match, call=call_repr("average_precision", y, s))


def test_average_precision_rejects_non_numeric_scores_with_type_error(learner):
    y, s = np.array([0, 1, 1]), np.array(["low", "high", "high"])
    assert_raises(
        TypeError, learner.average_precision, y, s, match=r"\by_score\b", call=call_repr("average_precision", y, s)
    )


def test_average_precision_leaves_inputs_unchanged(learner):
    rng = np.random.default_rng(71)
    y, s = (rng.random(30) < 0.4).astype(np.int64), np.round(rng.random(30), 1)
    y[0] = 1
    before_y, before_s = y.copy(), s.copy()
    learner.average_precision(y, s)
    assert_unchanged(before_y, y, name="y_true", call=call_repr("average_precision", y, s) + "  (seed 71)")
    assert_unchanged(before_s, s, name="y_score", call=call_repr("average_precision", y, s) + "  (seed 71)")


@pytest.mark.points(2)
def test_voc_ap_11_point_counts_a_recall_of_exactly_three_tenths(learner):
    # The levels are t = i / 10: 3 / 10 is exactly the recall 0.3 reached here. (np.arange(0, 1.1, 0.1) and
    # np.linspace(0, 1, 11) give 0.30000000000000004 for i = 3, just above it.)
    rec, prec = [0.3, 1.0], [1.0, 0.5]
    got = learner.voc_ap(rec, prec, use_07_metric=True)
    # t = 0, 0.1, 0.2, 0.3: precision 1; t = 0.4 ... 1.0: 0.5 -> (4 + 7 * 0.5) / 11
    assert_close(got, 7.5 / 11, call=f"voc_ap({rec}, {prec}, use_07_metric=True)  (recall exactly 3/10)")


FLOAT_CALLS = {
    "voc_ap of an empty curve": lambda m: m.voc_ap([], []),
    "voc_ap 11-point of an empty curve": lambda m: m.voc_ap([], [], use_07_metric=True),
    "voc_ap": lambda m: m.voc_ap([0.5, 1.0], [1.0, 0.5]),
    "detection_ap with no detections": lambda m: m.detection_ap([], {"a": [[0, 0, 10, 10]]}),
    "detection_ap": lambda m: m.detection_ap(HAND_DETS, HAND_GTS),
    "mean_ap with no detections": lambda m: m.mean_ap({}, {"cat": {"a": [[0, 0, 10, 10]]}}),
    "mean_ap": lambda m: m.mean_ap({"cat": HAND_DETS}, {"cat": HAND_GTS}),
}


@pytest.mark.parametrize("name", list(FLOAT_CALLS))
def test_every_ap_is_a_python_float(learner, name):
    # "Returns: float", also for the documented 0.0 cases (an int 0 or a NumPy array is not a float).
    got = FLOAT_CALLS[name](learner)
    if not isinstance(got, float):
        raise AssertionError(f"{name}: returned {type(got).__name__} {got!r}, expected a float")


@pytest.mark.points(2)
def test_detection_ap_equal_scores_keep_their_input_order(learner):
    # 40 detections in 4 tied score groups, each group mixing true and false positives: within a tie, the
    # input order decides which comes first in the ranking, and so the precision at each hit. (NumPy's
    # and torch's default sorts do not keep that order for this many ties.)
    rng = np.random.default_rng(73)
    gts = {"a": [[float(20 * k), 0.0, float(20 * k + 10), 10.0] for k in range(20)]}
    dets = []
    for k in range(40):
        hit = k < 20
        x = 20.0 * k if hit else 20.0 * k + 500.0
        dets.append(("a", float(rng.integers(1, 5)) / 5, [x, 0.0, x + 10.0, 10.0]))
    order = rng.permutation(40)
    dets = [dets[i] for i in order]
    got = learner.detection_ap(dets, gts)
    expected = reference_detection_ap(dets, gts)
    assert_close(got, expected, call="detection_ap(<40 detections, 4 distinct scores, 20 hits>, <20 boxes>)", seed=73)


@pytest.mark.points(2)
def test_detection_ap_takes_the_first_ground_truth_on_equal_iou(learner):
    # g0 and g1 overlap the first detection equally (IoU 1/3 each, threshold 0.3): it takes g0, the first.
    # The second detection overlaps g1 only (IoU 0.667): a TP while g1 is free -> AP 1. Had the first
    # taken g1, the second would be a false positive: recall 1/2 at precision 1, then nothing -> AP 0.5.
    gts = {"a": [[0.0, 0.0, 10.0, 10.0], [10.0, 0.0, 20.0, 10.0]]}
    dets = [("a", 0.9, [5.0, 0.0, 15.0, 10.0]), ("a", 0.8, [12.0, 0.0, 22.0, 10.0])]
    got = learner.detection_ap(dets, gts, iou_threshold=0.3)
    assert_close(got, 1.0, call="detection_ap(<a detection halfway between two boxes, then one on the second>, 0.3)")


def test_detection_ap_accepts_a_generator(learner):
    # "detections (iterable of ...)": one pass over a generator, not len() or indexing.
    gts = {"a": [[0, 0, 10, 10]], "b": [[0, 0, 10, 10]]}
    dets = [("a", 0.9, [0, 0, 10, 10]), ("a", 0.8, [0, 0, 10, 10]), ("b", 0.7, [0, 0, 10, 10])]
    got = learner.detection_ap((d for d in dets), gts)
    assert_close(got, 0.5 + 0.5 * 2 / 3, call="detection_ap(<a generator of 3 detections>, ...)")
    got = learner.mean_ap({"cat": (d for d in dets)}, {"cat": gts})
    assert_close(got, 0.5 + 0.5 * 2 / 3, call="mean_ap({'cat': <a generator of 3 detections>}, ...)")


def test_detection_ap_accepts_an_iou_threshold_of_one(learner):
    # (0, 1] includes 1: only a perfect overlap matches.
    gts = {"a": [[0, 0, 10, 10]], "b": [[0, 0, 10, 10]]}
    dets = [("a", 0.9, [0, 0, 10, 10]), ("b", 0.8, [0, 0, 10, 9.9])]
    got = learner.detection_ap(dets, gts, iou_threshold=1.0)
    assert_close(got, 0.5, call="detection_ap(<a perfect hit, an IoU 0.99 hit>, iou_threshold=1.0)")


@pytest.mark.parametrize(
    "gts",
    [{"a": [[0, 0, 10, 10]], "b": [[10, 0, 0, 10]]}, {"a": [[0, 0, 10, 10], [0, 0, 10]]}],
    ids=["inverted ground truth", "ground truth of three numbers"],
)
def test_detection_ap_rejects_bad_ground_truth_boxes(learner, gts):
    dets = [("a", 0.9, [0, 0, 10, 10])]
    assert_raises(
        ValueError,
        learner.detection_ap,
        dets,
        gts,
        match=r"\bground_truths\b",
        call=f"detection_ap(<1 detection>, {gts})",
    )
