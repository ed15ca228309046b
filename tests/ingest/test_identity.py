"""Article identity: own ids win, otherwise a hash that ignores spacing and case."""

from __future__ import annotations

from datasketch import MinHash

from storyline.ingest.dedup import NearDuplicateIndex, band_keys, from_bytes, signature, to_bytes
from storyline.ingest.identity import doc_id_for

REPORT = (
    "The foreign ministers of Serbia and Kosovo met in Brussels on Monday for talks hosted "
    "by the European Union. Both sides agreed to continue the dialogue next month, an EU "
    "spokesperson said after the meeting, adding that no document had been signed."
)
OTHER = (
    "Heavy shelling hit border villages overnight, local officials said on Tuesday. Two "
    "soldiers were wounded and a school was damaged, according to the defence ministry."
)


def keyed(text: str) -> tuple[MinHash, list[int]]:
    """A text's signature and its LSH band keys, as the index takes them."""
    mh = signature(text)
    return mh, band_keys(mh)


def test_doc_id_is_the_records_own_id_when_given() -> None:
    assert doc_id_for(REPORT, "reuters-2023-001") == "reuters-2023-001"


def test_doc_id_hash_ignores_whitespace_and_case_but_not_words() -> None:
    spaced = "  " + REPORT.replace(" ", "  \n").upper() + "\n"
    assert doc_id_for(REPORT) == doc_id_for(spaced)
    assert doc_id_for(REPORT) != doc_id_for(REPORT.replace("Monday", "Tuesday"))
    assert doc_id_for(REPORT).startswith("d") and len(doc_id_for(REPORT)) == 17


def test_near_duplicate_is_found_and_a_different_article_is_not() -> None:
    index = NearDuplicateIndex(threshold=0.8)
    index.add("original", *keyed(REPORT))
    reposted = REPORT + " Copyright 2023 Example News."
    assert index.find("repost", *keyed(reposted)) == "original"
    assert index.find("other", *keyed(OTHER)) is None
    # An article is never its own duplicate.
    assert index.find("original", *keyed(REPORT)) is None


def test_signature_survives_the_round_trip_through_bytes() -> None:
    sig = signature(REPORT)
    assert from_bytes(to_bytes(sig)).jaccard(sig) == 1.0


BRIEF = (
    "Kenyan police arrested four men in Mombasa on Sunday over a plot to attack a ferry, a "
    "police spokesman said, adding that explosives were found in a rented house near the port."
)


def test_a_short_copy_with_a_note_is_a_near_duplicate_but_a_long_article_quoting_it_is_not() -> (
    None
):
    index = NearDuplicateIndex(threshold=0.8)
    index.add("brief", *keyed(BRIEF))
    note = " This story was distributed by the Coast Wire service and may be republished."
    assert signature(BRIEF).jaccard(signature(BRIEF + note)) < 0.8  # Jaccard alone misses it
    assert index.find("syndicated", *keyed(BRIEF + note)) == "brief"
    analysis = (
        BRIEF + " The arrests come weeks after the government tightened checks at ports and "
        "bus stations, and critics say the measures have hurt small traders who cross the "
        "border daily. Officials insist the checks will stay in place until the end of the year, "
        "while opposition lawmakers have called for an inquiry into how the plot was uncovered."
    )
    assert index.find("analysis", *keyed(analysis)) is None
