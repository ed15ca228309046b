"""Ingest: files and directories to articles (or one-line failures), with metadata."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.config import Settings
from storyline.errors import IngestError
from storyline.ingest.dateline import read_dateline
from storyline.ingest.decode import read_limited
from storyline.ingest.identity import doc_id_for
from storyline.ingest.language import require_english
from storyline.ingest.metadata import SIDECAR, ArticleMeta, load_sidecar
from storyline.ingest.readers import SUFFIXES, RawRecord, from_record, read_file
from storyline.records import Article, IngestFailure

__all__ = ["article_from_record", "discover_files", "read_articles"]


def discover_files(paths: Iterable[Path]) -> Iterator[Path | IngestFailure]:
    """Every readable file under the paths (directories recursively, sorted).

    In a directory, hidden files, the metadata sidecar and a folder's README are
    not articles; a file named explicitly is always read.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_article_file(child.relative_to(path)):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield IngestFailure(path=str(path), reason="no such file or directory")


def _is_article_file(relative: Path) -> bool:
    name = relative.name
    return (
        name != SIDECAR
        and not name.upper().startswith("README")
        and not any(part.startswith(".") for part in relative.parts)
        and relative.suffix.lower() in SUFFIXES
    )


def read_articles(
    paths: Iterable[Path], settings: Settings, flags: ArticleMeta | None = None
) -> Iterator[Article | IngestFailure]:
    """Articles from files, each with its metadata; failures as one-line records.

    Metadata precedence: command-line flags, then the `metadata.jsonl` beside the
    file, then what the record or page says itself, then the article's dateline.
    """
    sidecars: dict[Path, dict[str, ArticleMeta]] = {}
    for item in discover_files(paths):
        if isinstance(item, IngestFailure):
            yield item
            continue
        if item.parent not in sidecars:
            sidecars[item.parent], problems = load_sidecar(item.parent)
            yield from (_failure(p) for p in problems)
        beside = sidecars[item.parent].get(item.name, ArticleMeta())
        yield from _read_one(item, settings, (flags or ArticleMeta()).over(beside))


def article_from_record(record: object, label: str, settings: Settings) -> Article:
    """One article from a JSON object (the fields a .jsonl record has), as sent to the
    API; raises IngestError naming the label and the reason."""
    raw = from_record(Path(label), record, None)
    if isinstance(raw, IngestError):
        raise raw
    return _to_article(raw, settings, ArticleMeta())


def _read_one(
    path: Path, settings: Settings, outer: ArticleMeta
) -> Iterator[Article | IngestFailure]:
    try:
        data = read_limited(path, settings.max_bytes)
        for raw in read_file(path, data):
            if isinstance(raw, IngestError):
                yield _failure(raw)
                continue
            try:
                yield _to_article(raw, settings, outer)
            except IngestError as exc:
                yield _failure(exc)
    except IngestError as exc:
        yield _failure(exc)


def _to_article(raw: RawRecord, settings: Settings, outer: ArticleMeta) -> Article:
    label = raw.source_path if raw.line is None else f"{raw.source_path}:{raw.line}"
    require_english(raw.text, label, settings.min_english_share)
    meta = outer.over(raw.meta)
    dateline = read_dateline(raw.text)
    place = None
    if dateline is not None:
        place = dateline.place
        meta = meta.over(ArticleMeta(published=dateline.published, outlet=dateline.outlet))
    return Article(
        doc_id=doc_id_for(raw.text, raw.own_id),
        file=raw.file,
        text=raw.text,
        title=meta.title,
        published=meta.published,
        outlet=meta.outlet,
        url=meta.url,
        place=place,
        source_path=raw.source_path,
    )


def _failure(exc: IngestError) -> IngestFailure:
    return IngestFailure(path=exc.path, reason=exc.reason, line=exc.line)
