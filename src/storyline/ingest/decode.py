"""Turn a file's bytes into text, or refuse it with a reason the user can act on."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from storyline.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Windows-1252 is by far the commonest legacy encoding of English news text, and
# detectors guess wrong on short texts (curly quotes read as Mac Roman), so it is tried
# first; the detector only picks among the rest when cp1252 cannot decode the bytes.
_PREFERRED = "cp1252"
_FALLBACKS = ("iso-8859-1", "iso-8859-15", "cp1250", "cp1251", "mac_roman")


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing empty files and files above the size limit."""
    label = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(label, f"cannot read file ({exc.strerror})") from exc
    if size > max_bytes:
        raise IngestError(label, f"file is {size:,} bytes, above the {max_bytes:,}-byte limit")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(label, f"cannot read file ({exc.strerror})") from exc
    if not data.strip():
        raise IngestError(label, "file is empty")
    return data


def decode_text(data: bytes, label: str) -> str:
    """Decode bytes as UTF-8 (or a BOM's encoding), else a detected legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_or_refuse(data, encoding, label)
    if _looks_binary(data):
        raise IngestError(label, "binary file, not text")
    for encoding in ("utf-8", _PREFERRED):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data, cp_isolation=list(_FALLBACKS)).best()
    if best is None or best.encoding is None:
        raise IngestError(label, "not UTF-8 and no known text encoding fits; convert it to UTF-8")
    return _decode_or_refuse(data, best.encoding, label)


def _decode_or_refuse(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(label, f"cannot decode as {encoding} ({exc.reason})") from exc


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean binary."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05
