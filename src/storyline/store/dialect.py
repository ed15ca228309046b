"""The differences between SQLite and PostgreSQL, in one place.

The store writes its SQL once, in SQLite's dialect (`?` and `:name` placeholders,
`INSERT OR IGNORE`, `json_each`, case-insensitive `LIKE`, `CROSS JOIN ... ON`, a column
named `end`). `Dialect.sql` rewrites such a statement for PostgreSQL; for SQLite it is
the statement itself. The schema asks a dialect for the few fragments of DDL that
differ (types, the current time, month arithmetic). SQL keywords are written in upper
case: a lower-case `end` is the column and is quoted for PostgreSQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LITERAL = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|--[^\n]*")
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_END = re.compile(r"(?<![\w.\":])((?:\w+\.)?)end(?![\w\"])")
_JSON_EACH = re.compile(
    r"\bjson_each\(([^()]+)\)(?:\s+(?:AS\s+)?(?!(?:WHERE|JOIN|ON|UNION|ORDER|GROUP|LIMIT|"
    r"CROSS|LEFT|INNER|AND|OR)\b)([A-Za-z_]\w*))?",
    re.IGNORECASE,
)
_CROSS_JOIN = re.compile(r"\bCROSS\s+JOIN\b", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r"\b(?:JOIN|WHERE|GROUP|ORDER|LIMIT|UNION|CROSS|LEFT|INNER)\b", re.IGNORECASE
)
_JOIN_CONDITION = re.compile(r"\b(?:ON|USING)\b", re.IGNORECASE)
_WORDS = (
    (re.compile(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE), "INSERT INTO"),
    (re.compile(r"\bNOT\s+LIKE\b", re.IGNORECASE), "NOT ILIKE"),
    (re.compile(r"(?<!NOT )\bLIKE\b", re.IGNORECASE), "ILIKE"),
    (re.compile(r"\bIFNULL\(", re.IGNORECASE), "coalesce("),
    (re.compile(r"\bgroup_concat\(", re.IGNORECASE), "string_agg("),
    (re.compile(r"\bIS\s+NOT\s+%s", re.IGNORECASE), "IS DISTINCT FROM %s"),
    (re.compile(r"\bIS\s+%s", re.IGNORECASE), "IS NOT DISTINCT FROM %s"),
)
_IGNORE = re.compile(r"\bINSERT\s+OR\s+IGNORE\b", re.IGNORECASE)
_TABLE_DDL = re.compile(r"^\s*(?:CREATE|ALTER)\s+TABLE\b", re.IGNORECASE)
_TEXT_TYPE = re.compile(r"\bTEXT\b")  # the type (upper case), not a column named text


@dataclass(frozen=True, slots=True)
class Dialect:
    """One database's SQL: how statements and DDL fragments are spelled."""

    name: str
    blob: str
    real: str
    now: str
    row_id: str  # a column giving insertion order where the database has none of its own

    def sql(self, statement: str) -> str:
        """The statement in this dialect (SQLite's is the statement itself)."""
        if self.name == "sqlite":
            return statement
        return _postgres(statement)

    def month_end(self, first_day: str) -> str:
        """SQL for the last day ('YYYY-MM-DD') of the month starting on `first_day`."""
        if self.name == "sqlite":
            return f"date({first_day}, '+1 month', '-1 day')"
        return (
            f"to_char(CAST({first_day} AS date) + INTERVAL '1 month' - INTERVAL '1 day', "
            "'YYYY-MM-DD')"
        )


SQLITE = Dialect(
    name="sqlite",
    blob="BLOB",
    real="REAL",
    now="(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    row_id="",
)
POSTGRES = Dialect(
    name="postgresql",
    blob="BYTEA",
    real="DOUBLE PRECISION",
    now="""(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))""",
    row_id="rowid BIGSERIAL NOT NULL,",
)


@lru_cache(maxsize=2048)
def _postgres(statement: str) -> str:
    """Rewrite one SQLite statement for PostgreSQL (psycopg's `%s` placeholders)."""
    # Text compares byte by byte, as in SQLite, whatever the server's locale: listings
    # sort the same on both.
    ddl = bool(_TABLE_DDL.match(statement))
    out: list[str] = []
    at = 0
    for literal in _LITERAL.finditer(statement):
        out.append(_code(statement[at : literal.start()], ddl))
        text = literal.group()
        out.append(text.replace("%", "%%") if not text.startswith("--") else "")
        at = literal.end()
    out.append(_code(statement[at:], ddl))
    sql = "".join(out)
    if _IGNORE.search(statement):
        sql = sql.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return sql


def _code(text: str, ddl: bool) -> str:
    """Rewrite SQL outside literals: placeholders, then words and functions."""
    if ddl:
        text = _TEXT_TYPE.sub('TEXT COLLATE "C"', text)
    text = text.replace("%", "%%").replace("?", "%s")
    text = _END.sub(r'\1"end"', text)
    text = _NAMED.sub(r"%(\1)s", text)
    for pattern, replacement in _WORDS:
        text = pattern.sub(replacement, text)
    text = _JSON_EACH.sub(_json_each, text)
    return _cross_joins(text)


def _json_each(match: re.Match[str]) -> str:
    """SQLite's table of a JSON list's items as PostgreSQL's (a `value` column)."""
    alias = match.group(2) or "json_each"
    return f"jsonb_array_elements_text(CAST({match.group(1)} AS jsonb)) AS {alias}(value)"


def _cross_joins(text: str) -> str:
    """`CROSS JOIN t ON ...` (SQLite's hint to keep the join order) as a plain join."""
    parts: list[str] = []
    at = 0
    for match in _CROSS_JOIN.finditer(text):
        rest = text[match.end() :]
        stop = _CLAUSE_END.search(rest)
        clause = rest[: stop.start()] if stop else rest
        parts.append(text[at : match.start()])
        parts.append("JOIN" if _JOIN_CONDITION.search(clause) else match.group())
        at = match.end()
    parts.append(text[at:])
    return "".join(parts)
