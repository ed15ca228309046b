"""Recognition declared with "will": the recognition itself, of whom the clause names."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from storyline.records import Event
from tests.events.test_backing import _code, _shown


def _typed(events: tuple[Event, ...]) -> set[tuple[str, str | None, str, str]]:
    """(type, cameo, source name, target name) of every dyad."""
    return {(e.type, e.cameo, e.source.name, t.name) for e in events for t in e.targets}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The African Union will recognise only official acts by President Alassane Ouattara.",
            "African Union",
            "Alassane Ouattara",
        ),
        (
            '"Accordingly, SADC will recognise only decrees signed by President Felix '
            "Tshisekedi,\" the bloc's executive secretary said.",
            "Southern African Development Community",
            "Felix Tshisekedi",
        ),
        (
            "The Andean Community said it would recognise only the government of President "
            "Pedro Castillo.",
            "Andean Community",
            "Pedro Castillo",
        ),
    ],
    ids=["will-recognise-acts-by", "decrees-signed-by", "said-it-would-recognise"],
)
def test_a_recognition_declared_with_will_is_the_recognition(
    resources: Resources, text: str, source: str, target: str
) -> None:
    events = _code(resources, text)
    dyads = _typed(events)
    assert ("SUPPORT", "054", source, target) in dyads, _shown(events)
    assert not [d for d in dyads if d[0] == "AGREE"], _shown(events)


def test_a_readiness_to_recognise_stays_a_promise(resources: Resources) -> None:
    events = _code(resources, "Brazil is ready to recognise Juan Guaido as president of Venezuela.")
    assert ("AGREE", "032", "Brazil", "Juan Guaido") in _typed(events), _shown(events)


def test_a_recognition_refused_stays_a_refusal(resources: Resources) -> None:
    text = "The European Union will not recognise the results announced by the junta in Mali."
    events = _code(resources, text)
    assert {d[0] for d in _typed(events) if d[0] != "SUPPORT"} == {"REJECT"}, _shown(events)
