"""Rank-sum AUC with ordinal ranks from argsort: tied scores get different ranks, so the order of ties decides."""

from solutions.roc_auc.roc_auc import *
from solutions.roc_auc.roc_auc import _check_inputs

CAUGHT_BY = ["test_roc_auc_score_counts_tied_pairs_as_one_half", "test_roc_auc_score_matches_scikit_learn[tied scores]"]


def roc_auc_score(y_true, y_score):
    is_positive, scores = _check_inputs(y_true, y_score)
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores, kind="stable")] = np.arange(1, len(scores) + 1)
    n_pos = int(is_positive.sum())
    n_neg = len(scores) - n_pos
    return float((ranks[is_positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
