"""Build a benchmark corpus from a tokenised news collection (ECB+ or SemEval-2015).

The collections in ../shared/data ship sentences as token lists; this writes them
as JSON Lines articles (`id`, `text`) outside the project, so their text is never
copied into it:

    python -m storyline.bench.corpus ../shared/data/ecbplus/documents.jsonl /tmp/ecb.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenise(tokens: list[str]) -> str:
    """A sentence's tokens joined back into ordinary text."""
    text = " ".join(tokens).replace("``", "“").replace("''", "”")
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def write_corpus(source: Path, out: Path) -> int:
    """Write one article per document of `source`; returns the number written."""
    count = 0
    with source.open(encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        for line in fin:
            doc = json.loads(line)
            text = "\n".join(detokenise(s) for s in doc["sentences"])
            if text.strip():
                fout.write(json.dumps({"id": str(doc["doc_id"]), "text": text}) + "\n")
                count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m storyline.bench.corpus SOURCE.jsonl OUT.jsonl")
    n = write_corpus(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{n} articles -> {sys.argv[2]}")
