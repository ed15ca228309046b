"""Output helpers for the CLI: readable tables, JSON, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table


def console(*, stderr: bool = False) -> Console:
    """A console; when piped, wide enough that tables are not folded."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 200
    return Console(stderr=stderr, width=width, highlight=False)


def print_json(payload: object) -> None:
    """JSON on stdout, UTF-8, one document."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def print_table(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], empty: str
) -> None:
    """A titled table, or a one-line note when there is nothing to show."""
    out = console()
    if not rows:
        out.print(f"{title}: {empty}")
        return
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)


def clip(text: str, width: int = 90) -> str:
    """Text on one line, cut to `width` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
