"""Parse a text of any length: a long one in pieces cut between paragraphs, joined into
one Doc whose text is exactly the original, so every offset points into the full text.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters, error E088) because
its parser and entity recogniser need about 1 GB per 100,000 characters at once. The
text-length policy is therefore one for the CLI and the API: a text longer than
PIECE_CHARS (far below that limit) is cut, at a paragraph break where there is one
(else a line break, a sentence end, a space), into pieces no longer than that, which
are parsed apart (a sentence never spans two paragraphs, so nothing a later stage reads
is lost at a cut) and joined back with `Doc.from_docs`. Nothing is ever refused for its
length here; the byte limits of ingest (`--max-bytes`) and the server
(`--max-request-bytes`) bound it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

# Pieces of at most this many characters: spaCy's parse of one document costs more per
# character the longer it is (300,000 characters: 26-33 s in pieces of 100,000, 14-19 s
# in pieces of 20,000); a news report is shorter and is parsed whole.
PIECE_CHARS = 20_000
# Where a piece may end, best first: after a blank line, a line break, a sentence's end,
# any space. A piece ends after the break, so the next starts with a word.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?]\s+"))
_SPACE = re.compile(r"\s+")


def pieces(text: str, most: int = PIECE_CHARS) -> list[str]:
    """The text cut into pieces of at most `most` characters that join back into it,
    each cut at the last paragraph break that fits (else the last line break, sentence
    end or space; a text with none of these is cut every `most` characters)."""
    out: list[str] = []
    start = 0
    while len(text) - start > most:
        end = _cut(text, start, start + most)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the piece from `start`: after the best break ending by `limit`, in
    its second half if it can (so pieces stay large)."""
    window = text[start:limit]
    for pattern in (*_CUTS, _SPACE):
        ends = [m.end() for m in pattern.finditer(window)]
        if ends and ends[-1] > len(window) // 2:
            return start + ends[-1]
    return limit


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """One Doc per text, in order, whatever its length: `nlp.pipe` over the texts, a
    long text's pieces piped in its place and joined (its Doc's text is the text)."""
    most = min(PIECE_CHARS, nlp.max_length)
    cut = [pieces(text, most) for text in texts]
    docs = nlp.pipe((piece for parts in cut for piece in parts), batch_size=batch_size)
    for parts in cut:
        parsed = [next(docs) for _ in parts]
        yield parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)


def parse_text(nlp: Language, text: str) -> Doc:
    """The Doc of one text of any length (see parse_texts)."""
    return next(parse_texts(nlp, [text], batch_size=1))
