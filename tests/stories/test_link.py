"""Linking events across articles into stories: one story per real act, whatever the order.

The pipeline cases ingest short articles written for these tests through the real
pipeline; the `same_act` table runs on hand-built events and needs no spaCy model, so
only the pipeline cases carry the `slow` mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.pipeline import Resources, ingest
from storyline.records import (
    Actor,
    ActorKind,
    Article,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Location,
    Story,
)
from storyline.store import SQLiteStore, open_store
from storyline.stories import relink, same_act
from tests.conftest import make_article, person

slow = pytest.mark.slow


@dataclass(frozen=True, slots=True)
class Report:
    """One test article: who published it, when, and its text."""

    doc_id: str
    published: str
    outlet: str
    text: str

    def article(self) -> Article:
        """The report as the pipeline takes it."""
        return make_article(
            self.text, doc_id=self.doc_id, published=self.published, outlet=self.outlet
        )


def ingested(
    reports: list[Report], store: SQLiteStore, resources: Resources, settings: Settings
) -> list[Story]:
    """Ingest the reports in one batch and return the stored stories."""
    ingest([r.article() for r in reports], store, resources, settings)
    return store.stories()


def stories_with(stories: list[Story], doc_id: str, type_: str) -> list[Story]:
    """The stories of one type that cite an article."""
    return [s for s in stories if doc_id in s.doc_ids and type_ in s.types]


def lead_story(store: SQLiteStore, doc_id: str) -> Story:
    """The story of the act an article's first sentence reports."""
    (lead,) = [e for e in store.events(doc_id=doc_id) if e.evidence.start == 0]
    (story,) = [s for s in store.stories() if lead.event_id in s.event_ids]
    return story


# -- articles ------------------------------------------------------------------------------
# 2023-09-18 was a Monday: "on Monday" in a report published on the 19th is the 18th.

MEETING_MONDAY = Report(
    "levant-fidan",
    "2023-09-19",
    "Levant Wire",
    "Turkish Foreign Minister Hakan Fidan met Egyptian Foreign Minister Sameh Shoukry in "
    "Cairo on Monday. The two discussed the fighting in Sudan and ways to expand trade. "
    "Fidan said Ankara wanted closer ties with Egypt after years of frosty relations.",
)
MEETING_DATED = Report(
    "nile-shoukry",
    "2023-09-20",
    "Nile Courier",
    "Egypt's top diplomat Sameh Shoukry hosted Turkey's foreign minister, Hakan Fidan, for "
    "talks on September 18. According to an Egyptian statement, the meeting covered regional "
    "security and bilateral commerce. It was the first visit to Cairo by a Turkish foreign "
    "minister in more than a decade.",
)
STRIKE_MONDAY = Report(
    "danube-izmail",
    "2023-09-19",
    "Danube Daily",
    "Russian missiles struck grain warehouses in the port of Izmail on Monday, Ukrainian "
    "officials said. Two workers were injured and a fire burned for several hours. Izmail "
    "sits on the Danube, across the river from Romania.",
)
STRIKE_DATED = Report(
    "blacksea-izmail",
    "2023-09-20",
    "Black Sea Review",
    "Russia attacked the Ukrainian river port of Izmail with missiles on September 18, "
    "damaging grain silos. Two people were hurt in the strike, according to the regional "
    "administration in Odesa.",
)

# Two meetings of the same ministers two days apart, and a weekly round-up (no day given)
# that could be either: 2023-09-20 was a Wednesday.
MEETING_NEW_YORK = Report(
    "manhattan-fidan",
    "2023-09-21",
    "Manhattan Dispatch",
    "Hakan Fidan met Sameh Shoukry on the sidelines of the UN General Assembly in New York on "
    "Wednesday. The ministers discussed a ceasefire plan for Sudan, a Turkish diplomat said.",
)
MEETING_THIS_WEEK = Report(
    "weekly-shoukry",
    "2023-09-22",
    "Weekly Brief",
    "Egyptian Foreign Minister Sameh Shoukry held talks with Turkish Foreign Minister Hakan "
    "Fidan this week about a ceasefire for the Sudanese conflict, diplomats said. Both "
    "governments have offered to host peace talks between the Sudanese army and the Rapid "
    "Support Forces.",
)

# 2023-10-10 was a Tuesday and 2023-11-09 a Thursday.
CALL_OCTOBER = Report(
    "asia-call-oct",
    "2023-10-11",
    "Asia Desk",
    "Indian External Affairs Minister Subrahmanyam Jaishankar spoke by phone with Saudi "
    "Foreign Minister Faisal bin Farhan on Tuesday. The two discussed energy supplies and the "
    "situation in Gaza, according to a statement from New Delhi.",
)
CALL_NOVEMBER = Report(
    "asia-call-nov",
    "2023-11-10",
    "Asia Desk",
    "Subrahmanyam Jaishankar held a telephone call with Faisal bin Farhan on Thursday, India's "
    "foreign ministry said. The ministers reviewed preparations for a visit by the Saudi "
    "crown prince.",
)
BOTH_CALLS = Report(
    "gulf-calls",
    "2023-11-10",
    "Gulf Review",
    "Indian External Affairs Minister Subrahmanyam Jaishankar spoke by phone with Saudi "
    "Foreign Minister Faisal bin Farhan on November 9, India's foreign ministry said. "
    "Jaishankar first spoke by phone with Faisal bin Farhan on October 10, days after the war "
    "in Gaza began. Both calls covered energy supplies and shipping in the Red Sea.",
)

# 2023-04-16 was a Sunday.
SHELLING_FACT = Report(
    "caucasus-sotk",
    "2023-04-17",
    "Caucasus Monitor",
    "Azerbaijani forces shelled Armenian border villages on Sunday, damaging several homes "
    "near the town of Sotk. No casualties were reported. Baku has not commented on the "
    "incident.",
)
SHELLING_CLAIM = Report(
    "yerevan-sotk",
    "2023-04-17",
    "Yerevan Herald",
    "Armenia accused Azerbaijan of shelling villages along their shared border on Sunday. "
    "The Armenian defence ministry said houses near Sotk were hit by mortar fire. "
    "Azerbaijan's defence ministry denied the charge and said its troops had only returned "
    "fire.",
)

# 2024-01-24 was a Wednesday.
WARSAW_TALKS = Report(
    "central-warsaw",
    "2024-01-25",
    "Central Europe Today",
    "Ukrainian Foreign Minister Dmytro Kuleba met Polish Foreign Minister Radoslaw Sikorski in "
    "Warsaw on Wednesday. The two ministers discussed grain exports across the border and air "
    "defence supplies for the coming winter. Kuleba said Kyiv counted on Warsaw to keep its "
    "border crossings open for trucks. Polish hauliers have blocked several crossings since "
    "November, demanding limits on Ukrainian competitors. Sikorski told reporters that his "
    "government was looking for a compromise that both sides could accept.",
)
WARSAW_SHORT = Report(
    "central-warsaw-short",
    "2024-01-25",
    "Central Europe Today",
    "Ukrainian Foreign Minister Dmytro Kuleba met Polish Foreign Minister Radoslaw Sikorski in "
    "Warsaw on Wednesday. The two ministers discussed grain exports across the border and air "
    "defence supplies. Kuleba said Kyiv counted on Warsaw to keep its border crossings open.",
)
WARSAW_OTHER = Report(
    "baltic-warsaw",
    "2024-01-26",
    "Baltic Ledger",
    "Radoslaw Sikorski held talks with Dmytro Kuleba in Warsaw on January 24, Poland's foreign "
    "ministry said. Officials said the meeting dealt with the dispute over truck traffic at "
    "the border.",
)
CREDIT_LINE = "\n\n(Reporting by Anna Kowalska; editing by Tom Hale)"


def copy_of(report: Report, footer: str) -> Report:
    """A syndicated copy: the same text plus a footer, under another outlet's name."""
    return Report(
        f"{report.doc_id}-copy", report.published, "Vistula Syndicate", report.text + footer
    )


# -- the same act in different words --------------------------------------------------------


@slow
@pytest.mark.parametrize(
    ("first", "second", "type_"),
    [
        pytest.param(MEETING_MONDAY, MEETING_DATED, "CONSULT", id="meeting"),
        pytest.param(STRIKE_MONDAY, STRIKE_DATED, "ASSAULT", id="missile-strike"),
    ],
)
def test_one_act_reported_on_monday_and_on_september_18_is_one_story(
    first: Report,
    second: Report,
    type_: str,
    resources: Resources,
    store: SQLiteStore,
    settings: Settings,
) -> None:
    ingested([first, second], store, resources, settings)
    story = lead_story(store, first.doc_id)
    assert lead_story(store, second.doc_id) == story
    assert story.types == (type_,)
    assert story.date == "2023-09-18"
    assert set(story.doc_ids) == {first.doc_id, second.doc_id}
    assert story.sources == 2
    assert set(story.outlets) == {first.outlet, second.outlet}


@slow
@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(MEETING_MONDAY, MEETING_DATED, id="meeting"),
        pytest.param(STRIKE_MONDAY, STRIKE_DATED, id="missile-strike"),
    ],
)
def test_two_reports_of_one_act_make_no_other_story(
    first: Report, second: Report, resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    stories = ingested([first, second], store, resources, settings)
    assert [s.doc_ids for s in stories] == [tuple(sorted((first.doc_id, second.doc_id)))]


# -- the same pair, the same act, another day -----------------------------------------------


@slow
@pytest.mark.parametrize(
    "reports",
    [
        pytest.param([CALL_OCTOBER, CALL_NOVEMBER], id="two-articles"),
        pytest.param([BOTH_CALLS], id="one-article"),
    ],
)
def test_two_calls_between_the_same_ministers_a_month_apart_stay_two_stories(
    reports: list[Report], resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    stories = ingested(reports, store, resources, settings)
    calls = [s for s in stories if "CONSULT" in s.types]
    assert sorted(s.date for s in calls) == ["2023-10-10", "2023-11-09"]
    for story in calls:
        assert story.sources == 1
        assert {"subrahmanyam-jaishankar", "faisal-bin-farhan"} <= set(story.participants)


# -- fact and claim ----------------------------------------------------------------------------


@slow
def test_a_one_sided_claim_never_stands_as_uncontested_corroboration(
    resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    stories = ingested([SHELLING_FACT, SHELLING_CLAIM], store, resources, settings)
    (shelling,) = stories_with(stories, SHELLING_FACT.doc_id, "ASSAULT")
    assert shelling.date == "2023-04-16"
    # Armenia's word, denied by Baku, may join the story only if the story says it is disputed.
    assert SHELLING_CLAIM.doc_id not in shelling.doc_ids or shelling.contested


@slow
def test_shelling_reported_as_fact_and_as_a_denied_claim_is_one_contested_story(
    resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    stories = ingested([SHELLING_FACT, SHELLING_CLAIM], store, resources, settings)
    (shelling,) = stories_with(stories, SHELLING_FACT.doc_id, "ASSAULT")
    assert set(shelling.doc_ids) == {SHELLING_FACT.doc_id, SHELLING_CLAIM.doc_id}
    assert shelling.sources == 2
    assert shelling.contested


BORDER_BLAME = Report(
    "horn-blame",
    "2024-06-04",
    "Horn Observer",
    "Ethiopia and Eritrea traded no prisoners this spring. Both countries blame the other for "
    "the shelling of border posts near Zalambessa last week that killed 12 soldiers.",
)
BORDER_TALKS = Report(
    "horn-talks",
    "2024-06-04",
    "Nairobi Daily",
    "The foreign ministers of Ethiopia and Eritrea met in Nairobi on Monday for the first time "
    "since the border clashes last week, Kenyan officials said.",
)


@slow
def test_fighting_blamed_by_both_and_fighting_that_times_talks_are_one_story(
    resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    stories = ingested([BORDER_BLAME, BORDER_TALKS], store, resources, settings)
    (fighting,) = [s for s in stories if "ASSAULT" in s.types]
    assert set(fighting.doc_ids) == {BORDER_BLAME.doc_id, BORDER_TALKS.doc_id}
    assert fighting.sources == 2
    assert fighting.contested  # neither report says who started it
    assert fighting.date_window == ("2024-05-27", "2024-06-02")


TRUCE_AGREED = Report(
    "south-asia-truce",
    "2025-05-11",
    "South Asia Desk",
    "India and Pakistan agreed to a ceasefire on Saturday after four days of cross-border "
    "strikes, officials in both countries said.",
)
TRUCE_TALKS = Report(
    "hotline-talks",
    "2025-05-13",
    "Frontier Times",
    "The military operations chiefs of India and Pakistan spoke by hotline on Monday, their "
    "first contact following the ceasefire, the Indian army said.",
)


@slow
def test_a_ceasefire_agreed_and_a_ceasefire_talks_followed_are_one_story(
    resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    stories = ingested([TRUCE_AGREED, TRUCE_TALKS], store, resources, settings)
    (truce,) = [s for s in stories if "AGREE" in s.types or "RETREAT" in s.types]
    assert set(truce.doc_ids) == {TRUCE_AGREED.doc_id, TRUCE_TALKS.doc_id}
    assert truce.date == "2025-05-10" and truce.sources == 2
    assert "ceasefire" in truce.title


# -- order of ingest ---------------------------------------------------------------------------

CORPUS = [
    MEETING_MONDAY,
    MEETING_DATED,
    MEETING_NEW_YORK,
    MEETING_THIS_WEEK,
    STRIKE_MONDAY,
    STRIKE_DATED,
    CALL_OCTOBER,
    CALL_NOVEMBER,
    SHELLING_FACT,
    SHELLING_CLAIM,
    WARSAW_TALKS,
    copy_of(WARSAW_TALKS, CREDIT_LINE),
    WARSAW_OTHER,
]


def grouping(store: SQLiteStore) -> dict[str, tuple[frozenset[str], int, tuple[str, ...]]]:
    """Story id -> its events, its source count and its articles."""
    return {s.story_id: (frozenset(s.event_ids), s.sources, s.doc_ids) for s in store.stories()}


@slow
def test_stories_do_not_depend_on_the_order_of_ingest(
    resources: Resources, store: SQLiteStore, settings: Settings, tmp_path: Path
) -> None:
    for report in CORPUS:
        ingest([report.article()], store, resources, settings)
    other_settings = Settings(db=str(tmp_path / "reversed.db"))
    other = open_store(other_settings.db)
    try:
        for report in reversed(CORPUS):
            ingest([report.article()], other, resources, other_settings)
        assert {e.event_id for e in store.events()} == {e.event_id for e in other.events()}
        assert grouping(store) == grouping(other)
    finally:
        other.close()
    assert len(grouping(store)) >= 6  # the corpus holds at least six distinct acts


@slow
def test_linking_a_new_article_rebuilds_only_the_stories_it_reaches(
    resources: Resources, store: SQLiteStore, settings: Settings, tmp_path: Path
) -> None:
    ingest([r.article() for r in CORPUS if r is not MEETING_DATED], store, resources, settings)
    before = {s.story_id: s for s in store.stories()}
    rebuilt = relink(store, changed=set())  # nothing new: nothing to rebuild
    assert rebuilt == []
    ingest([MEETING_DATED.article()], store, resources, settings)
    after = {s.story_id: s for s in store.stories()}
    # The new report joins the meeting story; every other story is left as it was.
    meeting = lead_story(store, MEETING_DATED.doc_id)
    assert set(meeting.doc_ids) >= {MEETING_MONDAY.doc_id, MEETING_DATED.doc_id}
    assert meeting.story_id not in before
    untouched = {i: s for i, s in before.items() if MEETING_MONDAY.doc_id not in s.doc_ids}
    assert len(untouched) >= 6
    assert all(after[i] == s for i, s in untouched.items())
    # Linking the new article again rebuilds the stories it reaches, not the others ...
    rebuilt = relink(store, changed={MEETING_DATED.doc_id})
    assert meeting in rebuilt
    assert len(rebuilt) < len(after) / 2
    # ... and gives what linking everything from scratch gives.
    relink(store)
    assert {s.story_id: s for s in store.stories()} == after


@slow
def test_the_earlier_of_two_near_duplicates_is_the_original_in_any_order(
    resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    later = Report("syndicated", "2024-01-27", "Vistula Syndicate", WARSAW_TALKS.text + CREDIT_LINE)
    ingest([later.article()], store, resources, settings)
    assert store.events(doc_id=later.doc_id)  # alone, the copy reports the talks
    ingest([WARSAW_TALKS.article()], store, resources, settings)
    assert store.article(later.doc_id).duplicate_of == WARSAW_TALKS.doc_id
    assert store.article(WARSAW_TALKS.doc_id).duplicate_of is None
    assert store.events(doc_id=later.doc_id) == []  # its restated events are gone
    talks = lead_story(store, WARSAW_TALKS.doc_id)
    assert set(talks.doc_ids) == {WARSAW_TALKS.doc_id, later.doc_id}
    assert talks.sources == 1


# -- near-duplicates ---------------------------------------------------------------------------


SYNDICATION_NOTE = (
    "\n\nThis article was distributed by the Vistula News Agency and may be republished "
    "with credit."
)


@slow
@pytest.mark.parametrize(
    ("original", "footer"),
    [
        pytest.param(WARSAW_TALKS, CREDIT_LINE, id="six-sentences-credit-line"),
        pytest.param(
            WARSAW_TALKS,
            SYNDICATION_NOTE,
            id="six-sentences-syndication-note",
        ),
        pytest.param(WARSAW_SHORT, CREDIT_LINE, id="three-sentences-credit-line"),
        pytest.param(WARSAW_SHORT, SYNDICATION_NOTE, id="three-sentences-syndication-note"),
    ],
)
def test_a_copy_with_a_footer_counts_once_in_sources(
    original: Report,
    footer: str,
    resources: Resources,
    store: SQLiteStore,
    settings: Settings,
) -> None:
    copy = copy_of(original, footer)
    ingested([original, copy, WARSAW_OTHER], store, resources, settings)
    talks = lead_story(store, original.doc_id)
    assert set(talks.doc_ids) == {original.doc_id, copy.doc_id, WARSAW_OTHER.doc_id}
    assert "Vistula Syndicate" in talks.outlets  # the copy's outlet is a source ...
    assert talks.sources == 2  # ... but the original and its copy are one report
    assert store.article(copy.doc_id).duplicate_of == original.doc_id
    # ... and the copy adds no event of its own: everything it says, the original said.
    assert store.events(doc_id=copy.doc_id) == []
    assert len(talks.event_ids) == 2


# -- same_act on hand-built events ------------------------------------------------------------

FIDAN = person("Hakan Fidan", "TUR", "GOV")
SHOUKRY = person("Sameh Shoukry", "EGY", "GOV")
ARMENIA = Actor(actor_id="ARM", name="Armenia", kind=ActorKind.COUNTRY, country="ARM")
AZERBAIJAN = Actor(actor_id="AZE", name="Azerbaijan", kind=ActorKind.COUNTRY, country="AZE")
TALKS = "Fidan and Shoukry held talks in Cairo on the war in Sudan."
TALKS_AGAIN = "Shoukry hosted Fidan in Cairo for talks on Sudan and trade."


def day(value: str) -> EventDate:
    """A date known to the day."""
    return EventDate(value=value, precision=DatePrecision.DAY)


def window(first: str, last: str) -> EventDate:
    """A date only known to fall in a window."""
    return EventDate(value=None, precision=DatePrecision.WINDOW, window=(first, last))


def act(
    doc_id: str,
    *,
    type_: str = "CONSULT",
    source: Actor = FIDAN,
    targets: tuple[Actor, ...] = (SHOUKRY,),
    when: EventDate | None = None,
    text: str = TALKS,
    negated: bool = False,
    place: Location | None = None,
) -> Event:
    """An event built by hand, dated 2023-09-18 unless told otherwise."""
    return Event(
        event_id=f"e-{doc_id}-{type_}",
        type=type_,
        source=source,
        targets=targets,
        evidence=Evidence(doc_id=doc_id, start=0, end=len(text), text=text),
        date=when or day("2023-09-18"),
        location=place,
        negated=negated,
    )


CAIRO = Location(name="Cairo", country="EGY")
ANKARA = Location(name="Ankara", country="TUR")


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        pytest.param(act("a"), act("b", text=TALKS_AGAIN), True, id="same-day"),
        pytest.param(act("a"), act("b", when=day("2023-10-18")), False, id="different-days"),
        pytest.param(
            act("a", when=window("2023-09-13", "2023-09-20")),
            act("b", text=TALKS_AGAIN),
            True,
            id="window-over-the-day-similar-evidence",
        ),
        pytest.param(
            act("a", when=window("2023-09-13", "2023-09-20")),
            act("b", text="Officials reviewed border security arrangements."),
            False,
            id="window-over-the-day-unrelated-evidence",
        ),
        pytest.param(
            act("a", when=window("2023-09-05", "2023-09-12")),
            act("b", text=TALKS_AGAIN),
            False,
            id="window-before-the-day",
        ),
        pytest.param(act("a"), act("b", type_="AGREE"), False, id="different-types"),
        pytest.param(act("a"), act("a", text=TALKS_AGAIN), False, id="same-article"),
        pytest.param(
            act("a"),
            act("b", source=SHOUKRY, targets=(FIDAN,), text=TALKS_AGAIN),
            True,
            id="reciprocal-direction-swapped",
        ),
        pytest.param(
            act("a", type_="ACCUSE", source=ARMENIA, targets=(AZERBAIJAN,)),
            act("b", type_="ACCUSE", source=AZERBAIJAN, targets=(ARMENIA,)),
            False,
            id="one-way-direction-swapped",
        ),
        pytest.param(act("a"), act("b", negated=True), False, id="negated-and-affirmed"),
        pytest.param(
            act("a", place=CAIRO), act("b", place=ANKARA), False, id="places-in-two-countries"
        ),
        pytest.param(
            act("a"),
            act("b", source=FIDAN, targets=(person("Ayman Safadi", "JOR", "GOV"),)),
            False,
            id="another-counterpart",
        ),
    ],
)
def test_same_act(a: Event, b: Event, linked: bool) -> None:
    assert (same_act(a, b) > 0) is linked
    assert same_act(a, b) == same_act(b, a)  # the score cannot depend on which came first
