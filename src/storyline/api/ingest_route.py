"""POST /api/articles: ingest one article, for holders of the server's token only.

The token and the body's size are checked by the request guard before the body is read
(see `storyline.api.guard`); the route checks the token again, so it holds without the
guard too. The body's fields refuse junk with a 422 naming the field: a text without a
word, control characters in the short fields, a `url` that is not an http(s) URL.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field, field_validator

from storyline.api import responses
from storyline.errors import IngestError
from storyline.ingest import article_from_record
from storyline.pipeline import ingest
from storyline.records import IngestFailure, IngestStatus
from storyline.service import State, token_refusal
from storyline.store import open_store

router = APIRouter(tags=["ingest"])

# The same rules in the schema (JSON Schema patterns, ECMA syntax) and in the checks.
WORD = r"[A-Za-z]{2}"  # the pipeline reads English: a word is two Latin letters or more
NO_CONTROLS = r"^[^\x00-\x1f\x7f-\x9f]*$"
HTTP_URL = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://[^\x00-\x20\x7f-\x9f/?#\[\]@\\]+([/?#][^\x00-\x20\x7f-\x9f]*)?$"
)
_WORD, _NO_CONTROLS, _HTTP_URL = re.compile(WORD), re.compile(NO_CONTROLS), re.compile(HTTP_URL)


def _short(description: str, most: int) -> object:
    return Field(
        None,
        min_length=1,
        max_length=most,
        description=description,
        json_schema_extra={"pattern": NO_CONTROLS},
    )


class ArticleIn(BaseModel):
    """An article to ingest: its text and what is known about it."""

    text: str = Field(
        min_length=1,
        description="The article's plain text (English): at least one word; no control "
        "characters but tab and line breaks. Any length up to the server's body limit: a "
        "long text is analysed in pieces cut between paragraphs.",
        json_schema_extra={"pattern": WORD},
    )
    id: str | None = _short("Your id for it (else one is derived from the text).", 200)
    title: str | None = _short("The headline.", 1000)
    published: str | None = Field(
        None,
        description="Publication date, YYYY-MM-DD.",
        json_schema_extra={"format": "date"},
    )
    outlet: str | None = _short("The outlet that published it.", 200)
    url: str | None = Field(
        None,
        max_length=2000,
        description="Where it was published: an http or https URL.",
        json_schema_extra={"pattern": HTTP_URL},
    )

    @field_validator("id", "title", "outlet")
    @classmethod
    def _no_controls(cls, value: str | None) -> str | None:
        if value is not None and not _NO_CONTROLS.fullmatch(value):
            bad = next(c for c in value if unicodedata.category(c) == "Cc")
            raise ValueError(f"holds the control character U+{ord(bad):04X}")
        return value

    @field_validator("published")
    @classmethod
    def _a_day(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                raise ValueError(value)
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value[:40]!r} is not a date (YYYY-MM-DD)") from None
        return value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not _HTTP_URL.fullmatch(value):
            raise ValueError(f"{value[:80]!r} is not an http or https URL")
        return value

    @field_validator("text")
    @classmethod
    def _has_words(cls, text: str) -> str:
        if not _WORD.search(text):
            raise ValueError("has no words (a word is two or more letters)")
        bad = next((c for c in text if _is_control(c)), None)
        if bad is not None:
            raise ValueError(f"holds the control character U+{ord(bad):04X}")
        return text


def _is_control(char: str) -> bool:
    """A control character that is not a tab or a line break (NUL, escape, bell, ...)."""
    return char not in "\t\n\r\x0b\x0c" and unicodedata.category(char) == "Cc"


bearer = HTTPBearer(
    auto_error=False,
    description="The token the server was started with (`--token` or STORYLINE_TOKEN).",
)


def require_token(state: State, request: Request, _: Annotated[object, Depends(bearer)]) -> None:
    """Refuse a request without the server's token (401) or when it has none (403)."""
    refusal = token_refusal(state.settings.api_token, request.headers.get("authorization"))
    if refusal is not None:
        raise HTTPException(refusal.status, refusal.message, dict(refusal.headers) or None)


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest one article (needs the token)",
    responses=responses.WRITE,
    dependencies=[Depends(require_token)],
)
def ingest_article(body: ArticleIn, state: State) -> dict[str, object]:
    """Run the pipeline over the article and store it; answers its id and whether it was
    ingested, updated, unchanged or a near-duplicate. Disabled (403) unless the server
    has a token; a missing or wrong token is refused (401), before the body is read. A
    body over the server's limit is refused (413) unread; an article the pipeline
    refuses (not English, a bad date, ...) is a 422 saying why."""
    try:
        article = article_from_record(body.model_dump(), "request body", state.settings)
    except IngestError as exc:
        raise HTTPException(422, str(exc)) from None
    outcome: list[tuple[IngestStatus, object]] = []
    with state.write_lock:
        store = open_store(state.settings.db)
        try:
            ingest(
                [article],
                store,
                state.resources(),
                state.settings,
                lambda status, item: outcome.append((status, item)),
            )
        finally:
            store.close()
    status, item = outcome[0]
    if isinstance(item, IngestFailure):
        raise HTTPException(422, item.message())
    return {"doc_id": article.doc_id, "status": status.value}
