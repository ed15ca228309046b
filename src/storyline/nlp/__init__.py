"""The NLP pass: spaCy sentences, tokens and named-entity mentions with offsets."""

from storyline.nlp.model import load_model
from storyline.nlp.parse import parse_doc

__all__ = ["load_model", "parse_doc"]
