"""Armed people described rather than named: by the side they take ("a militia loyal to
X"), by a coup ("the junta", "soldiers who seized power") and by a post of a force ("a
police station in X") are the armed actor of the country the description points to."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from storyline.records import ArticleResult
from tests.actors.test_resolve import actor_of, analyse

pytestmark = pytest.mark.slow


def sources(result: ArticleResult) -> set[tuple[str | None, str | None]]:
    """The (country, sector) of every event's source."""
    return {(e.source.country, e.source.sector) for e in result.events}


# -- a side taken ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        pytest.param(
            "A militia loyal to a former mayor killed four soldiers in central Mali on Sunday.",
            "A militia loyal to a former mayor",
            "MLI",
            "REB",
            id="militia-loyal-to",
        ),
        pytest.param(
            "Fighters aligned with the exiled opposition leader attacked police officers in "
            "northern Ethiopia.",
            "Fighters aligned with the exiled opposition leader",
            "ETH",
            "REB",
            id="fighters-aligned-with",
        ),
        pytest.param(
            "Forces backing the deposed governor abducted two journalists in Kandahar, "
            "Afghanistan.",
            "Forces backing the deposed governor",
            "AFG",
            "REB",
            id="forces-backing",
        ),
    ],
)
def test_armed_people_described_by_their_side_are_an_armed_group_of_that_country(
    resources: Resources, text: str, phrase: str, country: str, sector: str
) -> None:
    result = analyse(resources, text)
    actor = actor_of(result, phrase)
    assert (actor.country, actor.sector) == (country, sector)
    assert (country, sector) in sources(result)


@pytest.mark.parametrize(
    ("text", "described", "later", "name", "country"),
    [
        pytest.param(
            "The Lake Brigade, a militia loyal to the ousted mayor, looted shops in western "
            "Colombia. The militia then attacked soldiers.",
            "The Lake Brigade, a militia loyal to the ousted mayor",
            "The militia",
            "Lake Brigade",
            "COL",
            id="brigade-loyal-to-a-mayor",
        ),
        pytest.param(
            "Clashes spread across Jonglei state in South Sudan. The Nuer Youth Front, an "
            "armed group aligned with Riek Machar, overran an army base. The militia later "
            "withdrew.",
            "The Nuer Youth Front, an armed group aligned with Riek Machar",
            "The militia",
            "Nuer Youth Front",
            "SSD",
            id="front-aligned-with-a-leader",
        ),
        pytest.param(
            "In Myanmar, the Hill Guards, fighters allied with the ousted government, "
            "ambushed a convoy near Mandalay. The militia seized two trucks.",
            "the Hill Guards, fighters allied with the ousted government",
            "The militia",
            "Hill Guards",
            "MMR",
            id="guards-allied-with-a-government",
        ),
    ],
)
def test_a_named_group_described_by_its_side_is_that_armed_group(
    resources: Resources, text: str, described: str, later: str, name: str, country: str
) -> None:
    result = analyse(resources, text)
    group = actor_of(result, described)
    assert (group.name, group.country, group.sector) == (name, country, "REB")
    assert actor_of(result, later).actor_id == group.actor_id


# -- the one group an article names ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "group"),
    [
        pytest.param(
            "Rebels stormed an army base in central Somalia at dawn. Al-Shabaab later said "
            "it had seized weapons.",
            "Rebels",
            "al-shabaab",
            id="bare-rebels-before-the-name",
        ),
        pytest.param(
            "Ansar Dine fighters raided a village near Timbuktu, Mali, on Monday. Officials "
            "said the jihadists killed four herders.",
            "the jihadists",
            "ansar-dine",
            id="the-jihadists-after-officials-spoke",
        ),
        pytest.param(
            "Boko Haram attacked a market in Borno state, Nigeria. The army said troops were "
            "sent. Residents said insurgents burned a school.",
            "insurgents",
            "boko-haram",
            id="bare-insurgents-sentences-later",
        ),
    ],
)
def test_bare_rebel_nouns_are_the_one_armed_group_the_article_names(
    resources: Resources, text: str, phrase: str, group: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).actor_id == group


# -- coup-makers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrases", "country"),
    [
        pytest.param(
            "Soldiers seized power in Gabon on Wednesday. The junta closed the borders.",
            ("Soldiers", "The junta"),
            "GAB",
            id="soldiers-seized-power",
        ),
        pytest.param(
            "The soldiers who detained the president of Guinea dissolved the cabinet. The "
            "putschists later freed two ministers.",
            ("The soldiers", "The putschists"),
            "GIN",
            id="soldiers-who-detained-the-president",
        ),
        pytest.param(
            "Officers who staged a coup in Myanmar arrested hundreds of activists. The "
            "military rulers banned protests.",
            ("Officers", "The military rulers"),
            "MMR",
            id="officers-who-staged-a-coup",
        ),
        pytest.param(
            "The military junta in Mali expelled the Danish ambassador.",
            ("The military junta in Mali",),
            "MLI",
            id="junta-in-a-country",
        ),
    ],
)
def test_coup_makers_are_one_military_of_their_country(
    resources: Resources, text: str, phrases: tuple[str, ...], country: str
) -> None:
    result = analyse(resources, text)
    actors = {actor_of(result, phrase) for phrase in phrases}
    assert {(a.country, a.sector) for a in actors} == {(country, "MIL")}
    assert len({a.actor_id for a in actors}) == 1
    assert (country, "MIL") in sources(result)


# -- a force's post ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        pytest.param(
            "Gunmen attacked a police station in Quetta, Pakistan, on Friday.",
            "a police station",
            "PAK",
            "COP",
            id="police-station-in-a-city",
        ),
        pytest.param(
            "Rebels ambushed a police patrol near Bunia, Congo, killing two officers.",
            "a police patrol",
            "COD",
            "COP",
            id="police-patrol-near-a-town",
        ),
        pytest.param(
            "Gunmen stormed a police checkpoint in Kandahar, Afghanistan, at night.",
            "a police checkpoint",
            "AFG",
            "COP",
            id="police-checkpoint-in-a-city",
        ),
    ],
)
def test_a_police_post_is_the_police_of_where_it_is(
    resources: Resources, text: str, phrase: str, country: str, sector: str
) -> None:
    result = analyse(resources, text)
    actor = actor_of(result, phrase)
    assert (actor.country, actor.sector) == (country, sector)
    targets = {(t.country, t.sector) for e in result.events for t in e.targets}
    assert (country, sector) in targets
