"""Same-event document clustering on ECB+ (test topics 36-45 by default).

Each document is ingested as an article; documents whose events share a story are one
cluster. Scored against the gold sub-topics (two different real events of one kind per
topic) with pairwise precision, recall and F1 and with B-cubed.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import combinations, pairwise
from pathlib import Path

from storyline.config import Settings
from storyline.errors import GoldError
from storyline.pipeline import Resources, ingest
from storyline.records import Article
from storyline.store import open_store
from storyline.stories.build import relink

TEST_TOPICS = range(36, 46)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterScore:
    """Pairwise and B-cubed figures of a clustering against gold clusters."""

    documents: int
    clusters: int
    gold_clusters: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    b3_precision: float
    b3_recall: float
    b3_f1: float


def ecbplus_articles(path: Path, topics: range = TEST_TOPICS) -> tuple[list[Article], dict]:
    """The ECB+ documents of these topics as articles, and doc id -> gold sub-topic."""
    if not path.is_file():
        raise GoldError(f"{path}: no such file (is ../shared beside the project?)")
    articles, gold = [], {}
    for line in path.read_text("utf-8").splitlines():
        doc = json.loads(line)
        if doc["topic"] not in topics:
            continue
        text = "\n".join(" ".join(s) for s in doc["sentences"])
        articles.append(Article(doc_id=doc["doc_id"], file=doc["doc_id"], text=text))
        gold[doc["doc_id"]] = doc["subtopic"]
    return articles, gold


def cluster_documents(articles: list[Article], resources: Resources) -> dict[str, str]:
    """Doc id -> cluster id: documents sharing a story are one cluster."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "ecb.db"))
        settings = replace(Settings(), db=store.path)
        ingest(articles, store, resources, settings)
        parent = {a.doc_id: a.doc_id for a in articles}

        def root(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for story in relink(store):
            docs = [d for d in story.doc_ids if d in parent]
            for a, b in pairwise(docs):
                parent[root(a)] = root(b)
        store.close()
    return {d: root(d) for d in parent}


def score_clusters(predicted: dict[str, str], gold: dict[str, str]) -> ClusterScore:
    """Pairwise P/R/F1 and B-cubed of predicted against gold clusters."""
    docs = sorted(gold)
    same_pred = {(a, b) for a, b in combinations(docs, 2) if predicted[a] == predicted[b]}
    same_gold = {(a, b) for a, b in combinations(docs, 2) if gold[a] == gold[b]}
    tp = len(same_pred & same_gold)
    p = tp / len(same_pred) if same_pred else 1.0
    r = tp / len(same_gold) if same_gold else 1.0
    members_p, members_g = defaultdict(set), defaultdict(set)
    for d in docs:
        members_p[predicted[d]].add(d)
        members_g[gold[d]].add(d)
    b3p = sum(
        len(members_p[predicted[d]] & members_g[gold[d]]) / len(members_p[predicted[d]])
        for d in docs
    ) / len(docs)
    b3r = sum(
        len(members_p[predicted[d]] & members_g[gold[d]]) / len(members_g[gold[d]]) for d in docs
    ) / len(docs)
    return ClusterScore(
        documents=len(docs),
        clusters=len(members_p),
        gold_clusters=len(members_g),
        pairwise_precision=round(p, 4),
        pairwise_recall=round(r, 4),
        pairwise_f1=round(_f1(p, r), 4),
        b3_precision=round(b3p, 4),
        b3_recall=round(b3r, 4),
        b3_f1=round(_f1(b3p, b3r), 4),
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
