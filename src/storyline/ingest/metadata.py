"""Article metadata: sidecar `metadata.jsonl` files, command-line flags, dates."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path

from storyline.errors import IngestError

SIDECAR = "metadata.jsonl"
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleMeta:
    """Metadata for one article; None where unknown."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None

    def over(self, fallback: ArticleMeta) -> ArticleMeta:
        """These values, with the fallback's where these are unknown."""
        return replace(
            fallback,
            **{f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)},
        )


def meta_from_record(record: dict[str, object], label: str) -> ArticleMeta:
    """Metadata fields of a JSON record (`published` or `date` for the date)."""
    published = record.get("published") or record.get("date")
    return ArticleMeta(
        title=_text_or_none(record.get("title")),
        published=normalise_published(published, label),
        outlet=_text_or_none(record.get("outlet")),
        url=_text_or_none(record.get("url")),
    )


def normalise_published(value: object, label: str) -> str | None:
    """A publication date as an ISO day, refusing values that are not dates."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO_PREFIX.match(text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    import dateparser  # slow to import: only for dates that are not ISO

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise IngestError(label, f"publication date {text!r} is not a date (use YYYY-MM-DD)")
    return parsed.date().isoformat()


def load_sidecar(directory: Path) -> tuple[dict[str, ArticleMeta], list[IngestError]]:
    """The `metadata.jsonl` beside files, keyed by file name, and any unreadable lines."""
    path = directory / SIDECAR
    found: dict[str, ArticleMeta] = {}
    problems: list[IngestError] = []
    if not path.is_file():
        return found, problems
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not record.get("file"):
                raise IngestError(str(path), "metadata line has no 'file' field", number)
            found[str(record["file"])] = meta_from_record(record, f"{path}:{number}")
        except json.JSONDecodeError as exc:
            problems.append(IngestError(str(path), f"malformed JSON ({exc.msg})", number))
        except IngestError as exc:
            problems.append(exc)
    return found, problems


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
