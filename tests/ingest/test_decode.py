"""Bytes to text: encodings that can be read, and inputs that are refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import IngestError
from storyline.ingest.decode import decode_text, read_limited

SENTENCE = "Le président a déclaré que les négociations reprendraient à Genève."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SENTENCE.encode("utf-8"), SENTENCE),
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE),
        (SENTENCE.encode("utf-16"), SENTENCE),
        (SENTENCE.encode("cp1252"), SENTENCE),
        (
            "The minister’s “final offer” was rejected.".encode("cp1252"),
            "The minister’s “final offer” was rejected.",
        ),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "latin-accents-cp1252", "cp1252-curly-quotes"],
)
def test_text_is_decoded_from_common_encodings(data: bytes, expected: str) -> None:
    assert decode_text(data, "a.txt") == expected


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", bytes(range(0, 32)) * 20],
    ids=["png-header", "control-bytes"],
)
def test_binary_input_is_refused_naming_the_file(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^photo\.txt: binary file"):
        decode_text(data, "photo.txt")


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    for name, content in (("empty.txt", b""), ("blank.txt", b" \n\t\n")):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(IngestError, match="file is empty"):
            read_limited(path, 1000)


def test_file_above_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(IngestError, match=r"1,500 bytes, above the 1,000-byte limit"):
        read_limited(path, 1000)
    assert read_limited(path, 2000).startswith(b"word")
