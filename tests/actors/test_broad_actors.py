"""The actors `storyline actors` lists over the broad reports (../shared/eval/broad): no
place, headline fragment or common noun is an actor, and no person carries another
person's role or country.

The reports are ingested once into a temporary store with the real pipeline; the people
are checked against the gold annotations of those reports (who is who, of which country).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.actors.knowledge import Knowledge
from storyline.actors.names import fold
from storyline.config import Settings
from storyline.eval.gold import GoldArticle, load_gold
from storyline.eval.match import same_person
from storyline.ingest import read_articles
from storyline.pipeline import Resources, ingest
from storyline.records import Actor, ActorKind
from storyline.store import open_store

pytestmark = pytest.mark.slow

BROAD = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "broad"


@pytest.fixture(scope="module")
def broad(
    resources: Resources, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Actor], list[GoldArticle]]:
    """The actors stored after ingesting the broad reports, and their gold."""
    if not (BROAD / "articles").is_dir():
        pytest.skip(f"{BROAD} is missing (../shared beside the project)")
    settings = Settings(db=str(tmp_path_factory.mktemp("broad") / "broad.db"))
    store = open_store(settings.db)
    ingest(read_articles([BROAD / "articles"], settings), store, resources, settings)
    return store.actors(), load_gold(BROAD / "gold")


@pytest.fixture(scope="module")
def kb(resources: Resources) -> Knowledge:
    return resources.kb


def test_no_place_is_an_actor(broad: tuple[list[Actor], list[GoldArticle]], kb: Knowledge) -> None:
    actors, _ = broad
    places = [
        a.name
        for a in actors
        if a.kind is not ActorKind.COUNTRY
        and kb.is_place(a.name)
        and kb.organisation(a.name) is None  # "Xinhua" is a town and the news agency
    ]
    assert places == []


def test_no_common_noun_or_bare_title_is_an_actor(
    broad: tuple[list[Actor], list[GoldArticle]], kb: Knowledge
) -> None:
    actors, _ = broad
    lower = [a.name for a in actors if not any(c.isupper() for c in a.name)]  # "al-Shabaab"
    titles = [a.name for a in actors if a.kind is ActorKind.PERSON and _only_a_title(a.name, kb)]
    assert (lower, titles) == ([], [])


def test_no_person_carries_another_persons_country_or_role(
    broad: tuple[list[Actor], list[GoldArticle]],
) -> None:
    actors, gold = broad
    people = {
        (g.name, g.country, g.role or "")
        for article in gold
        for g in article.actors
        if g.kind is ActorKind.PERSON
    }
    wrong = []
    for actor in (a for a in actors if a.kind is ActorKind.PERSON):
        own = [p for p in people if same_person(actor.name, p[0])]
        if not own:
            continue
        if actor.country is not None and actor.country not in {p[1] for p in own}:
            wrong.append((actor.name, "country", actor.country))
        others = {fold(p[2]) for p in people if p not in own and p[2]}
        if actor.role and fold(actor.role) in others and not _in_own_role(actor.role, own):
            wrong.append((actor.name, "role", actor.role))
    assert wrong == []


def _only_a_title(name: str, kb: Knowledge) -> bool:
    words = fold(name).split()
    hit = kb.title_at(words, 0) if words else None
    return hit is not None and hit[1] == len(words)


def _in_own_role(role: str, own: list[tuple[str, str | None, str]]) -> bool:
    return any(fold(role) in fold(p[2]) for p in own)
