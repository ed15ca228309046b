"""Turn a spaCy Doc into the typed ParsedArticle the later stages read."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import Article, EntityMention, Evidence, ParsedArticle, Sentence

# Entity labels that can name an actor, a place or a date; numbers are left out.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE"})


def parse_doc(article: Article, doc: Doc) -> ParsedArticle:
    """Sentences, token count and entity mentions (offsets into the article text)."""
    sentences = tuple(
        Sentence(start=s.start_char, end=s.end_char) for s in doc.sents if s.text.strip()
    )
    mentions = tuple(
        EntityMention(
            evidence=Evidence(
                doc_id=article.doc_id, start=e.start_char, end=e.end_char, text=e.text
            ),
            label=e.label_,
        )
        for e in doc.ents
        if e.label_ in KEPT_LABELS and e.text.strip()
    )
    n_tokens = sum(1 for t in doc if not t.is_space)
    return ParsedArticle(article=article, sentences=sentences, n_tokens=n_tokens, mentions=mentions)
