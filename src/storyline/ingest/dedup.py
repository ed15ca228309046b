"""Near-duplicate articles (MinHash over word shingles), kept and linked, not dropped."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from hashlib import blake2b

import numpy as np
from datasketch import MinHash

from storyline.ingest.identity import normalise_text

NUM_PERM = 128
SHINGLE = 3
SCHEME = "affine32"  # stored signatures are uint32; read back with the same scheme
# LSH bands of the signature: two articles sharing a band are candidates, which finds
# pairs from Jaccard 0.5 up (datasketch's optimum for 128 permutations at 0.5); every
# candidate is then checked against the real threshold.
BANDS, ROWS = 25, 5


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


def band_keys(mh: MinHash) -> list[int]:
    """The signature's LSH band keys (signed 64-bit, as databases store integers)."""
    values = np.asarray(mh.hashvalues, dtype=np.uint32)
    return [
        int.from_bytes(
            blake2b(
                bytes([i]) + values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8
            ).digest(),
            "big",
            signed=True,
        )
        for i in range(BANDS)
    ]


class NearDuplicateIndex:
    """The articles of this run, to find one a new article nearly repeats, among them or
    among stored candidates (those sharing a band key, found by the store's index)."""

    def __init__(self, threshold: float) -> None:
        self._threshold = threshold
        self._by_band: dict[int, set[str]] = defaultdict(set)
        self._sigs: dict[str, MinHash] = {}

    def add(self, doc_id: str, mh: MinHash, keys: Sequence[int]) -> None:
        """Remember an article's signature and its band keys."""
        if doc_id in self._sigs:
            return
        self._sigs[doc_id] = mh
        for key in keys:
            self._by_band[key].add(doc_id)

    def find(
        self, doc_id: str, mh: MinHash, keys: Sequence[int], stored: Mapping[str, MinHash] = {}
    ) -> str | None:
        """The most similar other article at or above the threshold, or one that holds
        the other nearly whole with little added (a copy with a footer), if any, among
        this run's articles sharing one of the band `keys` and the `stored` candidates."""
        candidates = dict(stored)
        for key in keys:
            candidates |= {other: self._sigs[other] for other in self._by_band.get(key, ())}
        best, best_score = None, self._threshold
        for other in sorted(candidates):
            if other == doc_id:
                continue
            score = mh.jaccard(candidates[other])
            if score < self._threshold and _holds_the_other(mh, candidates[other], score):
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
