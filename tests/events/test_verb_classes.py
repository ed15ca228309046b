"""Classes of verb knowledge (data/events.yaml, data/cameo_verbs.tsv): what a verb and the
words it governs say of the act, on sentences of our own."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code


def _acts(resources: Resources, text: str) -> set[tuple[str, str]]:
    """(type, source name) of every event coded in the text."""
    return {(e.type, e.source.name) for e in _code(resources, text)}


# -- an answer to a proposal, invitation or demand whose author is not named -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Karen National Union rejected the peace plan on Sunday.", "REJECT"),
        ("Venezuela has accepted an invitation to attend the regional summit.", "AGREE"),
        ("Somali elders declined the offer, a spokesman said.", "REJECT"),
        ("The Peruvian government accepted the strikers' demands on Friday.", "CONCEDE"),
        ("Hungary on Monday turned down the proposal and rejected the deal.", "REJECT"),
    ],
    ids=["reject-plan", "accept-invitation", "decline-offer", "accept-demands", "reject-deal"],
)
def test_an_answer_to_a_proposal_stands_without_its_author(
    resources: Resources, text: str, expected: str
) -> None:
    assert expected in {kind for kind, _ in _acts(resources, text)}
