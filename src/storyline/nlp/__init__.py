"""The NLP pass: spaCy sentences, tokens and named-entity mentions with offsets."""

from storyline.nlp.model import load_model
from storyline.nlp.parse import parse_doc
from storyline.nlp.pieces import parse_text, parse_texts

__all__ = ["load_model", "parse_doc", "parse_text", "parse_texts"]
