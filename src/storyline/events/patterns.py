"""Argument patterns: where the doer and recipients of an act stand in the parse, as
spaCy `DependencyMatcher` patterns read from `data/event_patterns.yaml`.

The file is checked when loaded, so a user's edit that breaks it fails with a one-line
`PatternError` naming the file and the reason. Each pattern is anchored on the word of
the act (node `act`) and names the head of the phrase filling its role (node `arg`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from numpy import cumsum
from spacy.attrs import SENT_START
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from storyline.errors import PatternError

ROLES = ("doer", "target", "victims", "parties", "culprit", "answer", "asker")
_ENTRY_KEYS = frozenset({"name", "role", "doc", "pattern"})
_ANCHOR_KEYS = frozenset({"RIGHT_ID", "RIGHT_ATTRS"})
_NODE_KEYS = frozenset({"LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS"})
# The operators spaCy's DependencyMatcher knows (Semgrex's and spaCy's own).
_OPERATORS = frozenset("< > << >> . .* ; ;* $+ $- $++ $-- >+ >- >++ >-- <+ <- <++ <--".split())
_FILE = "event_patterns.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class ArgumentPattern:
    """One pattern: its name, the role it fills and its DependencyMatcher nodes."""

    name: str
    role: str
    doc: str
    nodes: tuple[dict[str, Any], ...]


class ArgumentPatterns:
    """The checked patterns of one file; builds a matcher for a parser's vocabulary."""

    def __init__(self, patterns: list[ArgumentPattern], source: str = _FILE) -> None:
        self.patterns = tuple(patterns)
        self.source = source
        self._matchers: dict[int, DependencyMatcher] = {}
        _compile(self.patterns, Vocab(), source)  # the attributes, checked by spaCy

    @classmethod
    def load(cls, path: Path | None = None) -> ArgumentPatterns:
        """The patterns of `path`, or the package's file; a bad file is a PatternError."""
        if path is None:
            text = resources.files("storyline.data").joinpath(_FILE).read_text("utf-8")
            source = _FILE
        else:
            source = str(path)
            try:
                text = path.read_text("utf-8")
            except OSError as exc:
                raise PatternError(source, f"cannot be read ({exc.strerror})") from exc
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise PatternError(source, f"is not valid YAML{where}") from exc
        return cls(read_patterns(data, source), source)

    def __getstate__(self) -> dict[str, Any]:
        return {"patterns": self.patterns, "source": self.source}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.patterns, self.source = state["patterns"], state["source"]
        self._matchers = {}

    def arguments(self, where: Doc | Span) -> Arguments:
        """What every pattern finds in a parsed document or one of its sentences: a match
        never crosses a sentence (one whose tokens an operator such as "." would join
        across two is dropped), so a document's are its sentences' together. Matching
        the whole document once costs its length; matching each sentence apart cost the
        document's length per sentence (spaCy copies the document's arrays each time)."""
        doc = where if isinstance(where, Doc) else where.doc
        offset = 0 if isinstance(where, Doc) else where.start
        key = id(doc.vocab)
        if key not in self._matchers:
            self._matchers[key] = _compile(self.patterns, doc.vocab, self.source)
        found: dict[tuple[int, str], dict[int, list[int]]] = defaultdict(dict)
        names = {p.name: (rank, p) for rank, p in enumerate(self.patterns)}
        sentence = cumsum(doc.to_array(SENT_START) == 1) if isinstance(where, Doc) else None
        for match_id, relative in self._matchers[key](where):
            ids = [i + offset for i in relative]
            if sentence is not None and len({int(sentence[i]) for i in ids}) > 1:
                continue
            rank, pattern = names[doc.vocab.strings[match_id]]
            roles = [n["RIGHT_ID"] for n in pattern.nodes]
            act = ids[roles.index("act")]
            arg = ids[roles.index("arg")] if "arg" in roles else act
            found[(act, pattern.role)].setdefault(rank, []).append(arg)
        return Arguments(doc, found)


class Arguments:
    """The phrases the patterns found around the acts of one document."""

    def __init__(self, doc: Doc, found: dict[tuple[int, str], dict[int, list[int]]]) -> None:
        self.doc = doc
        self._found = found

    def of(self, act: Token, role: str) -> list[Token]:
        """The heads of the phrases in a role of an act: those of the first pattern (in
        the file's order) that matched it, in text order."""
        by_rank = self._found.get((act.i, role))
        if not by_rank:
            return []
        return [self.doc[i] for i in sorted(set(by_rank[min(by_rank)]))]


def read_patterns(data: object, source: str) -> list[ArgumentPattern]:
    """The patterns of a parsed file, checked against the schema (see the file's header)."""
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise PatternError(source, "needs a top-level 'patterns' list")
    out: list[ArgumentPattern] = []
    for number, entry in enumerate(data["patterns"], start=1):
        pattern = _entry(entry, f"pattern {number}", source)
        if any(p.name == pattern.name for p in out):
            raise PatternError(source, f"pattern '{pattern.name}' is named twice")
        out.append(pattern)
    return out


def _entry(entry: object, where: str, source: str) -> ArgumentPattern:
    if not isinstance(entry, dict):
        raise PatternError(source, f"{where} is not a mapping")
    name = entry.get("name")
    if isinstance(name, str) and name:
        where = f"pattern '{name}'"
    missing, extra = _ENTRY_KEYS - entry.keys(), entry.keys() - _ENTRY_KEYS
    if missing or extra:
        what = f"lacks {sorted(missing)}" if missing else f"has unknown keys {sorted(extra)}"
        raise PatternError(source, f"{where} {what}")
    if not isinstance(name, str) or not name:
        raise PatternError(source, f"{where}: name must be a non-empty string")
    if entry["role"] not in ROLES:
        raise PatternError(source, f"{where}: role must be one of {', '.join(ROLES)}")
    nodes = entry["pattern"]
    if not isinstance(nodes, list) or not nodes:
        raise PatternError(source, f"{where}: pattern must be a non-empty list of nodes")
    _check_nodes(nodes, where, source, entry["role"] == "answer")
    return ArgumentPattern(name=name, role=entry["role"], doc=str(entry["doc"]), nodes=tuple(nodes))


def _check_nodes(nodes: list[Any], where: str, source: str, bare: bool = False) -> None:
    """The nodes of one pattern (`bare`: it may mark the act alone, with no `arg`)."""
    seen: list[str] = []
    for index, node in enumerate(nodes):
        if not isinstance(node, dict):
            raise PatternError(source, f"{where}: node {index + 1} is not a mapping")
        keys = _ANCHOR_KEYS if index == 0 else _NODE_KEYS
        if not set(node) <= keys or "RIGHT_ID" not in node or (index and set(node) != keys):
            raise PatternError(source, f"{where}: node {index + 1} must have {sorted(keys)}")
        right = node["RIGHT_ID"]
        if index == 0 and right != "act":
            raise PatternError(source, f"{where}: the first node must be RIGHT_ID 'act'")
        if right in seen:
            raise PatternError(source, f"{where}: RIGHT_ID '{right}' is used twice")
        if not isinstance(node.get("RIGHT_ATTRS", {}), dict):
            raise PatternError(source, f"{where}: RIGHT_ATTRS of '{right}' is not a mapping")
        if index and node["LEFT_ID"] not in seen:
            raise PatternError(source, f"{where}: LEFT_ID of '{right}' names no earlier node")
        if index and node["REL_OP"] not in _OPERATORS:
            raise PatternError(source, f"{where}: unknown REL_OP '{node['REL_OP']}'")
        seen.append(right)
    if "arg" not in seen and not bare:
        raise PatternError(source, f"{where}: no node has RIGHT_ID 'arg'")


def _compile(patterns: tuple[ArgumentPattern, ...], vocab: Vocab, source: str) -> DependencyMatcher:
    """A DependencyMatcher of the patterns; spaCy's own check of the token attributes
    becomes a one-line PatternError."""
    matcher = DependencyMatcher(vocab, validate=True)
    for pattern in patterns:
        try:
            matcher.add(pattern.name, [[dict(n) for n in pattern.nodes]])
        except Exception as exc:  # spaCy raises ValueError or MatchPatternError
            reason = " ".join(str(exc).split())[:160]
            raise PatternError(source, f"pattern '{pattern.name}': {reason}") from exc
    return matcher
