"""Pairwise and B-cubed scores of a document clustering against gold clusters."""

from __future__ import annotations

import pytest

from storyline.eval.clusters import score_clusters

GOLD = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B"}


def test_perfect_clustering_scores_one() -> None:
    score = score_clusters({d: g for d, g in GOLD.items()}, GOLD)
    assert (score.pairwise_f1, score.b3_f1, score.clusters) == (1.0, 1.0, 2)


def test_singletons_are_precise_and_recall_nothing_pairwise() -> None:
    score = score_clusters({d: d for d in GOLD}, GOLD)
    assert score.pairwise_precision == 1.0 and score.pairwise_recall == 0.0
    assert score.b3_precision == 1.0
    assert score.b3_recall == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5, abs=1e-4)


def test_one_big_cluster_recalls_all_and_is_imprecise() -> None:
    score = score_clusters(dict.fromkeys(GOLD, "x"), GOLD)
    # 10 predicted pairs, 4 of them gold (3 among A, 1 among B)
    assert score.pairwise_precision == 0.4 and score.pairwise_recall == 1.0
    assert score.b3_precision == pytest.approx((3 / 5 * 3 + 2 / 5 * 2) / 5, abs=1e-4)
