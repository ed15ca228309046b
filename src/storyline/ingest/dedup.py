"""Near-duplicate articles (MinHash over word shingles), kept and linked, not dropped."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.ingest.identity import normalise_text

NUM_PERM = 128
SHINGLE = 3
SCHEME = "affine32"  # stored signatures are uint32; read back with the same scheme


def signature(text: str) -> MinHash:
    """The MinHash of a text's word 3-grams (after normalisation)."""
    words = normalise_text(text).split()
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch([g.encode("utf-8") for g in grams])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    """A signature as bytes for the store."""
    return np.asarray(mh.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """A signature read back from the store."""
    return MinHash(hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=SCHEME)


class NearDuplicateIndex:
    """The articles seen so far, to find one a new article nearly repeats."""

    def __init__(self, threshold: float) -> None:
        self._threshold = threshold
        # LSH only proposes candidates; a lower bar there misses fewer pairs near the
        # threshold, and every candidate is checked against the real one below.
        self._lsh = MinHashLSH(threshold=max(0.5, threshold - 0.3), num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def add(self, doc_id: str, mh: MinHash) -> None:
        """Remember an article's signature."""
        if doc_id in self._sigs:
            return
        self._sigs[doc_id] = mh
        self._lsh.insert(doc_id, mh)

    def find(self, doc_id: str, mh: MinHash) -> str | None:
        """The most similar other article at or above the threshold, or one that holds
        the other nearly whole with little added (a copy with a footer), if any."""
        best, best_score = None, self._threshold
        for other in sorted(self._lsh.query(mh)):
            if other == doc_id:
                continue
            score = mh.jaccard(self._sigs[other])
            if score < self._threshold and _holds_the_other(mh, self._sigs[other], score):
                score = self._threshold
            if score >= best_score:
                best, best_score = other, score
        return best


CONTAINED = 0.9  # share of the shorter text's shingles the longer one repeats
COMPARABLE = 2 / 3  # the shorter text's size, at least, against the longer's


def _holds_the_other(a: MinHash, b: MinHash, jaccard: float) -> bool:
    """Whether one text repeats nearly all of the other and adds at most half as much
    again: a syndicated copy with a credit line or a note, which Jaccard alone misses
    on short articles ("40 words + a 15-word note" is Jaccard 0.73)."""
    size_a, size_b = a.count(), b.count()
    small, large = sorted((size_a, size_b))
    if small <= 0 or small / large < COMPARABLE:
        return False
    # |A ∩ B| = J (|A| + |B|) / (1 + J), as a share of the smaller set
    return jaccard * (size_a + size_b) / ((1 + jaccard) * small) >= CONTAINED
