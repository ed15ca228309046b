"""Sentence suites: the PLOVER gold sentences and the PETRARCH real-actor validation.

Each sentence is coded as an article of its own. PLOVER: the share of sentences whose
gold event type storyline produces, and the share whose gold actor and recipient
countries it produces (on an event of any type). PETRARCH: a record passes when every
expected event has an output event with the same CAMEO root (first two digits), or
the same PLOVER type, and a record expecting no event passes when none is produced.
The PLOVER file is split by order: odd-numbered records (1st, 3rd, ...) for
development, even-numbered ones as a held-out check.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import GoldError
from storyline.records import Actor, Article, ArticleResult, Event

# CAMEO country codes that differ from ISO 3166 alpha-3.
_CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "UKG": "GBR"}
# CAMEO codes for non-state actors, compared with the actor's sector.
_CAMEO_SECTORS = {"IGO": {"IGO"}, "NGO": {"NGO"}, "IMG": {"REB"}, "ISM": {"REB", "REL"}}

Process = Callable[[Article], ArticleResult]


@dataclass(slots=True)
class SuiteResult:
    """Counts for one suite run, and the records that failed."""

    suite: str
    split: str
    records: int = 0
    hits: dict[str, int] = field(default_factory=dict)
    failures: list[dict[str, object]] = field(default_factory=list)

    def share(self, key: str) -> float:
        """The share of records that passed `key`."""
        return self.hits.get(key, 0) / self.records if self.records else 0.0

    def to_dict(self) -> dict[str, object]:
        """JSON-ready figures."""
        return {
            "suite": self.suite,
            "split": self.split,
            "records": self.records,
            "shares": {k: round(self.share(k), 4) for k in self.hits},
            "hits": self.hits,
            "failures": self.failures,
        }


def load_jsonl(path: Path) -> list[dict[str, object]]:
    """Records of a JSON Lines suite file."""
    if not path.is_file():
        raise GoldError(f"{path}: no such file (is ../shared beside the project?)")
    try:
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg})") from exc


def pick(records: list[dict[str, object]], split: str) -> list[dict[str, object]]:
    """Odd-numbered (1st, 3rd, ...), even-numbered or all records, by order in the file."""
    if split == "odd":
        return records[0::2]
    if split == "even":
        return records[1::2]
    return records


def run_plover(records: Iterable[dict[str, object]], process: Process, split: str) -> SuiteResult:
    """Type and actor/recipient shares on PLOVER gold sentences."""
    result = SuiteResult(suite="plover", split=split, hits={"type": 0, "countries": 0})
    for record in records:
        events = _code(record, process)
        gold_type = record.get("event_plover2")
        actors = [a.get("code") for a in record.get("actor") or []]  # type: ignore[union-attr]
        recips = [a.get("code") for a in record.get("recipient") or []]  # type: ignore[union-attr]
        typed = any(e.type == gold_type for e in events)
        dyad = _has_dyad(events, actors, recips)
        result.records += 1
        result.hits["type"] += typed
        result.hits["countries"] += dyad
        if not (typed and dyad):
            result.failures.append(_failure(record, events, gold=f"{gold_type} {actors}->{recips}"))
    return result


def run_petrarch(
    records: Iterable[dict[str, object]], process: Process, cameo_to_plover: dict[str, str]
) -> SuiteResult:
    """CAMEO-root and PLOVER-level pass rates on PETRARCH validation records."""
    result = SuiteResult(suite="petrarch", split="all", hits={"cameo_root": 0, "plover": 0})
    for record in records:
        if record.get("evaluate") is False:
            continue
        events = _code(record, process)
        expected = record.get("expected") or []
        roots = {(e.cameo or "")[:2] for e in events}
        types = {e.type for e in events}
        if expected:
            root_ok = all(str(x["code"])[:2] in roots for x in expected)  # type: ignore[index]
            plover_ok = all(
                _plover_of(str(x["code"]), cameo_to_plover) in types  # type: ignore[index]
                for x in expected
            )
        else:
            root_ok = plover_ok = not events
        result.records += 1
        result.hits["cameo_root"] += root_ok
        result.hits["plover"] += plover_ok
        if not (root_ok and plover_ok):
            result.failures.append(_failure(record, events, gold=str(expected)))
    return result


def _plover_of(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code, by its longest known prefix."""
    for size in (len(code), 3, 2):
        if code[:size] in table:
            return table[code[:size]]
    return None


def _code(record: dict[str, object], process: Process) -> tuple[Event, ...]:
    text = str(record["text"])
    article = Article(doc_id=str(record["id"]), file=str(record["id"]), text=text)
    return process(article).events


def _has_dyad(events: Iterable[Event], actors: list, recips: list) -> bool:
    if not actors:
        return False
    for event in events:
        if not any(_same(event.source, a) for a in actors):
            continue
        if not recips or any(_same(t, r) for t in event.targets for r in recips):
            return True
    return False


def _same(actor: Actor, code: object) -> bool:
    code = str(code or "")
    if code in _CAMEO_SECTORS:
        return (actor.sector or "") in _CAMEO_SECTORS[code]
    return actor.country == _CAMEO_TO_ISO.get(code, code)


def _failure(record: dict[str, object], events: Iterable[Event], gold: str) -> dict[str, object]:
    return {
        "id": record["id"],
        "text": str(record["text"])[:160],
        "gold": gold,
        "output": [
            f"{e.type} {e.cameo} {e.source.country or e.source.name}->"
            f"{[t.country or t.name for t in e.targets]}"
            for e in events
        ],
    }


def cameo_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the PLOVER repository's conversion table."""
    if not path.is_file():
        raise GoldError(f"{path}: no such file (is ../shared beside the project?)")
    rows = json.loads(path.read_text("utf-8"))["rows"]
    return {str(r["cameo"]): str(r["plover_event"]) for r in rows}
