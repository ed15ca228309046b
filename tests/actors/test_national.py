"""A state body named without its country is the country's of a report whose actors
are all of one country, and no one's when two countries are named."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources, process_article
from tests.conftest import make_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event_type", "source", "country"),
    [
        ("Police in Kenya said on Tuesday that the National Intelligence Service had "
         "arrested two opposition activists in Nairobi.",
         "COERCE", "National Intelligence Service", "KEN"),
        ("The Ministry of Defence accused rebels of shelling villages in northern Mali on "
         "Sunday, the Malian army said.",
         "ACCUSE", "Ministry of Defence", "MLI"),
        ("Officials in Nepal said the Home Ministry had arrested twelve protesters in "
         "Kathmandu.",
         "COERCE", "Home Ministry", "NPL"),
        # two countries named: the body could be either's
        ("The Ministry of Defence accused rebels of shelling villages in northern Mali on "
         "Sunday, a French diplomat said.",
         "ACCUSE", "Ministry of Defence", None),
        ("Bolivian President Luis Arce said the Interior Ministry had expelled two Chilean "
         "journalists.",
         "COERCE", "Interior Ministry", None),
    ],
)  # fmt: skip
def test_a_state_body_named_alone_is_of_the_one_country_named(
    resources: Resources, text: str, event_type: str, source: str, country: str | None
) -> None:
    result = process_article(make_article(text, published="2023-05-02"), resources)
    actors = {a.actor_id: a for a in result.actors}
    found = [
        actors[e.source.actor_id]
        for e in result.events
        if e.type == event_type and e.source is not None
    ]
    assert [(a.name, a.country) for a in found] == [(source, country)]
