"""Quotations on real text: direct and indirect quotes, their speakers, cues and
channels; scare quotes and titles are not quotations; broken marks do not stop the rest."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources, process_article
from storyline.records import ActorKind, ArticleResult, Quote, QuoteKind
from tests.conftest import make_article

pytestmark = pytest.mark.slow

DIRECT, INDIRECT = QuoteKind.DIRECT, QuoteKind.INDIRECT


def analyse(resources: Resources, text: str) -> ArticleResult:
    """The whole per-article pipeline over one short article."""
    return process_article(make_article(text, published="2024-03-01"), resources)


def quote_of(result: ArticleResult, words: str, kind: QuoteKind) -> Quote:
    """The quotation of this kind whose evidence is exactly these words."""
    found = [q for q in result.quotes if q.evidence.text == words and q.kind is kind]
    seen = [(q.kind.value, q.evidence.text) for q in result.quotes]
    assert found, f"no {kind.value} quote {words!r}; quotes: {seen}"
    return found[0]


def speaker_id(quote: Quote) -> str | None:
    return quote.speaker.actor_id if quote.speaker else None


# -- direct quotations and who said them ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "speaker", "cue", "via"),
    [
        pytest.param(
            '"We are ready to sign the agreement tomorrow," Serbian President Aleksandar '
            "Vucic said.",
            "We are ready to sign the agreement tomorrow",
            "aleksandar-vucic",
            "said",
            (),
            id="name-said",
        ),
        pytest.param(
            '“We will not sign this document," Serbian President Aleksandar Vucic said.',
            "We will not sign this document",
            "aleksandar-vucic",
            "said",
            (),
            id="curly-open-straight-close",
        ),
        pytest.param(
            '"The dam is a matter of life for our people," said Egyptian Foreign Minister '
            "Sameh Shoukry.",
            "The dam is a matter of life for our people",
            "sameh-shoukry",
            "said",
            (),
            id="said-name-inversion",
        ),
        pytest.param(
            '"There will be no military solution," Kenyan President William Ruto told '
            "reporters in Nairobi.",
            "There will be no military solution",
            "william-ruto",
            "told",
            (),
            id="told-reporters",
        ),
        pytest.param(
            "Lebanese Prime Minister Najib Mikati said Beirut did not want a wider war. "
            '"We are doing everything to avoid escalation," he added.',
            "We are doing everything to avoid escalation",
            "najib-mikati",
            "added",
            (),
            id="he-added",
        ),
        pytest.param(
            "Serbian President Aleksandar Vucic said the deal was dead. "
            '"Belgrade will not sign anything," the president said.',
            "Belgrade will not sign anything",
            "aleksandar-vucic",
            "said",
            (),
            id="the-president-said",
        ),
        pytest.param(
            "Venezuelan President Nicolas Maduro spoke at a rally in Caracas on Sunday. "
            '"The Essequibo belongs to Venezuela," Maduro said. "We will never give it up."',
            "We will never give it up.",
            "nicolas-maduro",
            None,
            (),
            id="next-sentence-inherits-speaker",
        ),
        pytest.param(
            "Indian External Affairs Minister Subrahmanyam Jaishankar said the dialogue could "
            'not go on while attacks continued. "Terror and talks cannot go together," he '
            'said. "That is our position."',
            "That is our position.",
            "subrahmanyam-jaishankar",
            None,
            (),
            id="next-sentence-after-pronoun-speaker",
        ),
        pytest.param(
            "A Sudanese foreign ministry statement said the government would not take part in "
            'the Jeddah talks. "The militia must first leave the homes it has occupied," the '
            "statement added.",
            "The militia must first leave the homes it has occupied",
            "sdn-gov",
            "added",
            (),
            id="the-statement-added",
        ),
        pytest.param(
            "A Sudanese foreign ministry statement said the army was ready to resume talks. "
            '"The delegation will travel to Jeddah on Sunday," it added.',
            "The delegation will travel to Jeddah on Sunday",
            "sdn-gov",
            "added",
            (),
            id="it-added-after-statement",
        ),
        pytest.param(
            '"There is no alternative to dialogue," Pakistan\'s foreign ministry said in a '
            "statement.",
            "There is no alternative to dialogue",
            "pak-gov",
            "said",
            (),
            id="ministry-said",
        ),
        pytest.param(
            '"Guyana will defend every inch of its territory," Guyanese President Irfaan Ali '
            "said in a post on X on Sunday.",
            "Guyana will defend every inch of its territory",
            "irfaan-ali",
            "said",
            ("X",),
            id="post-on-x",
        ),
        pytest.param(
            '"Guyana will defend every inch of its territory," Guyanese President Irfaan Ali '
            "said in a post on X.",
            "Guyana will defend every inch of its territory",
            "irfaan-ali",
            "said",
            ("X",),
            id="post-on-x-sentence-end",
        ),
        pytest.param(
            '"Our doors remain open to dialogue," Pakistani Prime Minister Shehbaz Sharif said '
            "in a post on Twitter.",
            "Our doors remain open to dialogue",
            "shehbaz-sharif",
            "said",
            ("Twitter",),
            id="post-on-twitter",
        ),
        pytest.param(
            "Israeli Defence Minister Yoav Gallant warned Hezbollah on Sunday. "
            '"We will not accept fire on our towns," he wrote on X.',
            "We will not accept fire on our towns",
            "yoav-gallant",
            "wrote",
            ("X",),
            id="he-wrote-on-x",
        ),
        pytest.param(
            '"Israel will not allow Hezbollah to return to the border," Israeli Defence '
            "Minister Yoav Gallant said, as reported by Reuters.",
            "Israel will not allow Hezbollah to return to the border",
            "yoav-gallant",
            "said",
            ("Reuters",),
            id="as-reported-by",
        ),
        pytest.param(
            "A BBC report cited Egyptian Foreign Minister Sameh Shoukry as saying that "
            '"all options are open" to protect the Nile.',
            "all options are open",
            "sameh-shoukry",
            "saying",
            ("BBC",),
            id="report-cited-as-saying",
        ),
        pytest.param(
            "A Reuters report quoted Venezuelan President Nicolas Maduro as saying that "
            '"the Essequibo is ours".',
            "the Essequibo is ours",
            "nicolas-maduro",
            "saying",
            ("Reuters",),
            id="report-quoted-as-saying",
        ),
        pytest.param(
            "According to the report, Serbian President Aleksandar Vucic urged the European "
            'Union to act for "a just and lasting peace".',
            "a just and lasting peace",
            "aleksandar-vucic",
            "urged",
            (),
            id="according-to-report-subject-urged",
        ),
    ],
)
def test_direct_quote_is_attributed(
    resources: Resources,
    text: str,
    words: str,
    speaker: str,
    cue: str | None,
    via: tuple[str, ...],
) -> None:
    quote = quote_of(analyse(resources, text), words, DIRECT)
    assert (speaker_id(quote), quote.cue, quote.via) == (speaker, cue, via)
    assert text[quote.evidence.start : quote.evidence.end] == words


@pytest.mark.parametrize(
    ("text", "words", "speaker_text"),
    [
        pytest.param(
            '"We are ready to sign the agreement tomorrow," Serbian President Aleksandar '
            "Vucic said.",
            "We are ready to sign the agreement tomorrow",
            "Serbian President Aleksandar Vucic",
            id="title-and-name",
        ),
        pytest.param(
            "Lebanese Prime Minister Najib Mikati said Beirut did not want a wider war. "
            '"We are doing everything to avoid escalation," he added.',
            "We are doing everything to avoid escalation",
            "he",
            id="pronoun",
        ),
        pytest.param(
            '"We are not there yet," Molly Phee, the top US envoy for Africa, told reporters.',
            "We are not there yet",
            "Molly Phee, the top US envoy for Africa",
            id="name-with-appositive",
        ),
    ],
)
def test_speaker_text_is_the_speaker_as_written(
    resources: Resources, text: str, words: str, speaker_text: str
) -> None:
    assert quote_of(analyse(resources, text), words, DIRECT).speaker_text == speaker_text


def test_indefinite_role_noun_speaker_is_the_person_named_next(resources: Resources) -> None:
    text = (
        "A senior US diplomat said on Thursday that the ceasefire talks in Jeddah had "
        'stalled. "We are not there yet," Molly Phee, the top US envoy for Africa, told '
        "reporters."
    )
    result = analyse(resources, text)
    said = quote_of(result, "the ceasefire talks in Jeddah had stalled", INDIRECT)
    told = quote_of(result, "We are not there yet", DIRECT)
    assert speaker_id(said) == speaker_id(told) == "molly-phee"


def test_plural_pronoun_does_not_continue_a_single_speaker(resources: Resources) -> None:
    text = (
        '"The Egyptian people will not go thirsty," Egyptian President Abdel Fattah al-Sisi '
        'said. Ethiopian officials dismissed the remarks. "We are filling the dam as '
        'planned," they said.'
    )
    quote = quote_of(analyse(resources, text), "We are filling the dam as planned", DIRECT)
    assert speaker_id(quote) == "eth-gov"


# -- partial quotations, scare quotes and titles ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            'Egyptian Foreign Minister Sameh Shoukry said the dam was "a threat to our existence".',
            "a threat to our existence",
            "sameh-shoukry",
            id="end-of-sentence",
        ),
        pytest.param(
            'Kosovo Prime Minister Albin Kurti said the north was "under siege" and called '
            "for NATO help.",
            "under siege",
            "albin-kurti",
            id="mid-sentence",
        ),
        pytest.param(
            "Sudanese army chief Abdel Fattah al-Burhan said the army would fight "
            '"until the last soldier" and would not negotiate with the militia.',
            "until the last soldier",
            "abdel-fattah-al-burhan",
            id="inside-reported-clause",
        ),
        pytest.param(
            "Israel's Prime Minister Benjamin Netanyahu said \"Hezbollah made a grave "
            'mistake" and vowed to respond.',
            "Hezbollah made a grave mistake",
            "benjamin-netanyahu",
            id="whole-clause",
        ),
        pytest.param(
            "Indian External Affairs Minister Subrahmanyam Jaishankar said the meeting was "
            '"productive".',
            "productive",
            "subrahmanyam-jaishankar",
            id="one-word-after-speech-verb",
        ),
    ],
)
def test_partial_quote_takes_its_sentences_speaker(
    resources: Resources, text: str, words: str, speaker: str
) -> None:
    assert speaker_id(quote_of(analyse(resources, text), words, DIRECT)) == speaker


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'The so-called "buffer zone" along the Blue Line remained empty on Tuesday.',
            id="scare-quoted-phrase",
        ),
        pytest.param('Israeli troops stayed in the "buffer" on Tuesday.', id="scare-quoted-word"),
        pytest.param(
            'Ethiopian state television aired the documentary "Our Dam, Our Future" on Sunday '
            "evening.",
            id="title",
        ),
        pytest.param(
            'Talks over the "Essequibo question" resumed in Brasilia on Thursday.',
            id="scare-quoted-name",
        ),
    ],
)
def test_quoted_words_without_speech_are_not_quotes(resources: Resources, text: str) -> None:
    assert analyse(resources, text).quotes == ()


# -- indirect quotations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clause", "speaker", "cue", "via"),
    [
        pytest.param(
            "Egyptian Foreign Minister Sameh Shoukry said that the negotiations had reached a "
            "dead end.",
            "the negotiations had reached a dead end",
            "sameh-shoukry",
            "said",
            (),
            id="said-that",
        ),
        pytest.param(
            "Guyanese President Irfaan Ali said on Monday that his country would seek help "
            "from its allies.",
            "his country would seek help from its allies",
            "irfaan-ali",
            "said",
            (),
            id="said-on-day-that",
        ),
        pytest.param(
            "Ethiopian Prime Minister Abiy Ahmed said the filling of the reservoir would go "
            "ahead in July.",
            "the filling of the reservoir would go ahead in July",
            "abiy-ahmed",
            "said",
            (),
            id="said-without-that",
        ),
        pytest.param(
            "The ceasefire in southern Lebanon is holding, Lebanese Prime Minister Najib "
            "Mikati said on Monday.",
            "The ceasefire in southern Lebanon is holding",
            "najib-mikati",
            "said",
            (),
            id="clause-before-name-said",
        ),
        pytest.param(
            "Israel will not allow Hezbollah to return to the border, Israeli Defence "
            "Minister Yoav Gallant said.",
            "Israel will not allow Hezbollah to return to the border",
            "yoav-gallant",
            "said",
            (),
            id="clause-before-name-said-gallant",
        ),
        pytest.param(
            "Talks will resume next week, said Sudanese army spokesman Nabil Abdallah.",
            "Talks will resume next week",
            "nabil-abdallah",
            "said",
            (),
            id="clause-before-said-name",
        ),
        pytest.param(
            "Israel will not allow Hezbollah to return to the border, Israeli Defence "
            "Minister Yoav Gallant said, as reported by Reuters.",
            "Israel will not allow Hezbollah to return to the border",
            "yoav-gallant",
            "said",
            ("Reuters",),
            id="clause-before-name-said-as-reported-by",
        ),
        pytest.param(
            "Kosovo Prime Minister Albin Kurti told reporters in Pristina that the barricades "
            "had to go.",
            "the barricades had to go",
            "albin-kurti",
            "told",
            (),
            id="told-reporters-that",
        ),
        pytest.param(
            "Indian External Affairs Minister Subrahmanyam Jaishankar told reporters the "
            "talks had produced nothing.",
            "the talks had produced nothing",
            "subrahmanyam-jaishankar",
            "told",
            (),
            id="told-reporters-without-that",
        ),
        pytest.param(
            "Kosovo Prime Minister Albin Kurti visited the north. He added that Pristina would "
            "not back down.",
            "Pristina would not back down",
            "albin-kurti",
            "added",
            (),
            id="he-added-that",
        ),
        pytest.param(
            "According to Ethiopian Prime Minister Abiy Ahmed, the filling of the reservoir "
            "will go ahead in July.",
            "the filling of the reservoir will go ahead in July",
            "abiy-ahmed",
            "according to",
            (),
            id="according-to-person",
        ),
        pytest.param(
            "The talks will continue in Jeddah next week, according to a Saudi foreign "
            "ministry statement.",
            "The talks will continue in Jeddah next week",
            "sau-gov",
            "according to",
            (),
            id="according-to-after-clause",
        ),
        pytest.param(
            "Indian External Affairs Minister Subrahmanyam Jaishankar said the meeting was "
            '"productive".',
            'the meeting was "productive"',
            "subrahmanyam-jaishankar",
            "said",
            (),
            id="clause-ending-in-partial-quote",
        ),
        pytest.param(
            'Kosovo Prime Minister Albin Kurti said the north was "under siege" and called '
            "for NATO help.",
            'the north was "under siege"',
            "albin-kurti",
            "said",
            (),
            id="clause-then-coordinated-act",
        ),
        pytest.param(
            "Two hospitals in Goma have run out of fuel, the provincial health minister, "
            "Jean Mukuna, has confirmed.",
            "Two hospitals in Goma have run out of fuel",
            "jean-mukuna",
            "confirmed",
            (),
            id="clause-before-appositive-name-has-confirmed",
        ),
        pytest.param(
            "Curfew will be lifted in the capital by the weekend, Interior Ministry "
            "spokeswoman Ana Duarte Lima told reporters.",
            "Curfew will be lifted in the capital by the weekend",
            "ana-duarte-lima",
            "told",
            (),
            id="clause-before-title-name-told-reporters",
        ),
        pytest.param(
            "Aid convoys reached Mekelle on Sunday, Red Cross spokesperson Hana Bekele has said.",
            "Aid convoys reached Mekelle on Sunday",
            "hana-bekele",
            "said",
            (),
            id="clause-before-long-title-name-has-said",
        ),
        pytest.param(
            "The opposition leader Maria Santos spoke in Caracas. She went on to assert that "
            "the election had been stolen.",
            "the election had been stolen",
            "maria-santos",
            "assert",
            (),
            id="went-on-to-assert",
        ),
        pytest.param(
            "Police chief Rashid Omondi briefed reporters in Mombasa. He was quick to add that "
            "no arrests had been made.",
            "no arrests had been made",
            "rashid-omondi",
            "add",
            (),
            id="was-quick-to-add",
        ),
        pytest.param(
            "Pakistani Foreign Minister Ishaq Dar met the envoys. He then proceeded to warn that "
            "the border would stay shut.",
            "the border would stay shut",
            "ishaq-dar",
            "warn",
            (),
            id="proceeded-to-warn",
        ),
    ],
)
def test_indirect_quote_is_the_reported_clause(
    resources: Resources,
    text: str,
    clause: str,
    speaker: str,
    cue: str,
    via: tuple[str, ...],
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert (speaker_id(quote), quote.cue, quote.via) == (speaker, cue, via)
    assert text[quote.evidence.start : quote.evidence.end] == clause


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Serbian President Aleksandar Vucic discussed the proposal with European envoys on "
            "Tuesday.",
            id="discussed",
        ),
        pytest.param(
            "U.S. Secretary of State Antony Blinken urged the parties to resume talks in Jeddah.",
            id="urged-to",
        ),
        pytest.param(
            "Guyanese President Irfaan Ali urged Caracas to respect the ruling of the court.",
            id="urged-capital-to",
        ),
        pytest.param(
            "Kosovo Prime Minister Albin Kurti called for calm. He discussed the proposal with "
            "Western envoys.",
            id="pronoun-discussed",
        ),
        pytest.param(
            '"Nobody said that this would be easy," Kenyan President William Ruto told the summit.',
            id="said-inside-direct-quote",
        ),
        pytest.param(
            '"Nobody said that this would be easy, and nobody told us that the road would be '
            'short," Sudanese army chief Abdel Fattah al-Burhan told troops.',
            id="said-and-told-inside-direct-quote",
        ),
    ],
)
def test_no_indirect_quote_without_a_reported_clause(resources: Resources, text: str) -> None:
    result = analyse(resources, text)
    assert [q.evidence.text for q in result.quotes if q.kind is INDIRECT] == []


# -- broken marks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Ethiopian Prime Minister Abiy Ahmed said on Tuesday "we have no intention of '
            "harming Egypt.\n"
            'Egyptian Foreign Minister Sameh Shoukry said the dam was "a threat to our '
            'existence". "We will not wait forever," Shoukry told reporters.',
            [
                ("a threat to our existence", "sameh-shoukry"),
                ("We will not wait forever", "sameh-shoukry"),
            ],
            id="unclosed-in-first-paragraph",
        ),
        pytest.param(
            '"We are ready to talk, Serbian President Aleksandar Vucic said on Monday.\n'
            "Kosovo Prime Minister Albin Kurti said he would not attend. "
            '"There is nothing to discuss," Kurti told reporters.',
            [("There is nothing to discuss", "albin-kurti")],
            id="unopened-first-paragraph",
        ),
    ],
)
def test_odd_number_of_marks_still_yields_the_other_quotes(
    resources: Resources, text: str, expected: list[tuple[str, str]]
) -> None:
    result = analyse(resources, text)
    direct = [(q.evidence.text, speaker_id(q)) for q in result.quotes if q.kind is DIRECT]
    assert direct == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "“We will keep talking to Addis Ababa.\n"
            "“The river belongs to all of us,” Egyptian Foreign Minister Sameh Shoukry said.",
            id="curly",
        ),
        pytest.param(
            '"We will keep talking to Addis Ababa.\n'
            '"The river belongs to all of us," Egyptian Foreign Minister Sameh Shoukry said.',
            id="straight",
        ),
    ],
)
def test_multi_paragraph_quotation_is_one_speakers_direct_words(
    resources: Resources, text: str
) -> None:
    result = analyse(resources, text)
    direct = [(q.evidence.text, speaker_id(q)) for q in result.quotes if q.kind is DIRECT]
    assert direct == [
        ("We will keep talking to Addis Ababa.", "sameh-shoukry"),
        ("The river belongs to all of us", "sameh-shoukry"),
    ]


def test_partial_quotes_in_one_act_of_words_share_its_speaker(resources: Resources) -> None:
    text = (
        "According to the report, Russian Foreign Minister Sergei Lavrov urged Kyiv to accept "
        "“a neutral status” and for talks to be held “without any preconditions”."
    )
    result = analyse(resources, text)
    for words in ("a neutral status", "without any preconditions"):
        assert speaker_id(quote_of(result, words, DIRECT)) == "sergei-lavrov"


def test_an_official_of_a_body_is_not_a_national_named_later(resources: Resources) -> None:
    text = (
        "Negotiators from both sides met the envoy in Brussels this month, according to an EU "
        "official.\nOn Tuesday, officers detained a man at the Jarinje crossing. "
        '"Every arrest is meant to frighten people," Petar Petkovic, director of Serbia\'s '
        "Office for Kosovo, told reporters."
    )
    quote = quote_of(analyse(resources, text), text[: text.index(", according")], INDIRECT)
    assert quote.speaker is not None and quote.speaker.name != "Petar Petkovic"
    # an unnamed official speaks for the body: the EU itself
    assert (quote.speaker.kind, quote.speaker.sector) == (ActorKind.ORG, "IGO")
    assert quote.speaker.name == "European Union"


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "Party secretary Lindiwe Nkosi Dlamini said the strike would go on. The Deputy "
            "Speaker of the National Assembly went on to say that talks had failed.",
            "talks had failed",
            "lindiwe-nkosi-dlamini",
            id="deputy-speaker-goes-on",
        ),
        pytest.param(
            "Tomas Berglund, who chairs the refugee board, said camps were full. The board "
            "chairman added that winter would make it worse.",
            "winter would make it worse",
            "tomas-berglund",
            id="board-chairman-added",
        ),
        pytest.param(
            "Hon. Esi Mensah told the assembly in Accra that the budget was late. The MP "
            "warned that salaries would not be paid.",
            "salaries would not be paid",
            "esi-mensah",
            id="the-mp-warned",
        ),
    ],
)
def test_a_role_noun_speaking_next_is_the_last_speaker_named_another_way(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


def test_a_role_noun_of_an_exclusive_other_office_is_not_the_last_speaker(
    resources: Resources,
) -> None:
    text = (
        "Foreign Minister Ahmed Attaf said the border would reopen. The president added that "
        "trade would resume."
    )
    quote = quote_of(analyse(resources, text), "trade would resume", INDIRECT)
    assert speaker_id(quote) != "ahmed-attaf"


# -- unnamed speakers speak for their body -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "The Kremlin spokesman said the offer had been received and would be studied.",
            "the offer had been received and would be studied",
            "kremlin",
            id="seat-spokesman",
        ),
        pytest.param(
            "A senior officer in the Kenyan army told reporters that two patrols were missing.",
            "two patrols were missing",
            "ken-mil",
            id="officer-in-a-countrys-army",
        ),
        pytest.param(
            "A White House official said the sanctions would be lifted in stages.",
            "the sanctions would be lifted in stages",
            "white-house",
            id="seat-official",
        ),
        pytest.param(
            "An official at the Ethiopian foreign ministry said the border would stay open.",
            "the border would stay open",
            "eth-gov",
            id="official-at-a-ministry",
        ),
        pytest.param(
            "An Arab League official said the summit had been postponed to May.",
            "the summit had been postponed to May",
            "arab-league",
            id="organisation-official",
        ),
    ],
)
def test_an_unnamed_official_speaks_for_the_body(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker
    assert quote.speaker is not None and quote.speaker.kind is not ActorKind.PERSON


@pytest.mark.parametrize(
    ("text", "clause", "country"),
    [
        pytest.param(
            "Reuters, quoting a source within Turkish diplomatic circles, reported that the "
            "meeting was off. The source said Ankara had not been consulted.",
            "Ankara had not been consulted",
            "TUR",
            id="source-within-circles",
        ),
        pytest.param(
            "A source in the Pakistani army told the agency that troops had crossed the line. "
            "The source added that no shots were fired.",
            "no shots were fired",
            "PAK",
            id="source-in-an-army",
        ),
        pytest.param(
            "According to a Colombian official, the ceasefire will be extended. The official "
            "said the rebels had agreed.",
            "the rebels had agreed",
            "COL",
            id="official-then-the-official",
        ),
    ],
)
def test_the_source_is_the_source_told_of_before(
    resources: Resources, text: str, clause: str, country: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert quote.speaker is not None and quote.speaker.country == country
    assert quote.speaker.kind is ActorKind.ORG


@pytest.mark.parametrize(
    ("text", "clause", "sector"),
    [
        pytest.param(
            "Western governments want a vote next week, diplomats told AFP.",
            "Western governments want a vote next week",
            "GOV",
            id="diplomats-told",
        ),
        pytest.param(
            "The Financial Times quoted sources as saying the deal was close.",
            "the deal was close",
            None,
            id="quoted-sources-as-saying",
        ),
        pytest.param(
            "Officials said on Friday that the airport in Goma would reopen.",
            "the airport in Goma would reopen",
            "GOV",
            id="officials-said",
        ),
    ],
)
def test_unnamed_speakers_with_no_body_named_are_unnamed_others_of_their_sector(
    resources: Resources, text: str, clause: str, sector: str | None
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert quote.speaker is not None
    assert (quote.speaker.kind, quote.speaker.country, quote.speaker.sector) == (
        ActorKind.ORG,
        None,
        sector,
    )


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "The Heads of State and Government of the African Union met in Addis Ababa. The "
            "leaders said the mission would be renewed.",
            "the mission would be renewed",
            "african-union",
            id="heads-of-state-of-a-body-then-the-leaders",
        ),
        pytest.param(
            "The foreign ministers of the Arab League warned that the plan would fail.",
            "the plan would fail",
            "arab-league",
            id="ministers-of-a-body",
        ),
        pytest.param(
            "The leaders of the Gulf Cooperation Council gathered in Doha. They said the "
            "blockade had to end.",
            "the blockade had to end",
            "gulf-cooperation-council",
            id="leaders-of-a-body-then-they",
        ),
    ],
)
def test_several_holders_of_a_title_speak_for_their_body(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "If the rebels advance, Chadian Defence Minister Issakha Malloua said, the army "
            "would respond with force.",
            "the army would respond with force",
            "issakha-malloua",
            id="condition-first",
        ),
        pytest.param(
            "Iran, Foreign Minister Abbas Araghchi said, will not accept the offer.",
            "Iran, Foreign Minister Abbas Araghchi said, will not accept the offer",
            "abbas-araghchi",
            id="subject-first",
        ),
        pytest.param(
            "Were the talks to fail again, Kenyan President William Ruto warned, the region "
            "would pay the price.",
            "the region would pay the price",
            "william-ruto",
            id="inverted-condition-first",
        ),
    ],
)
def test_a_speech_verb_set_off_by_commas_reports_its_sentence(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "Speaking in Nairobi, Secretary Blinken said reaching the deal had not been easy "
            "and noted that the hard part was ahead.",
            "the hard part was ahead",
            "blinken",
            id="noted-hung-on-the-clause",
        ),
        pytest.param(
            "Brazilian President Luiz Inácio Lula da Silva said the summit had been useful and "
            "stressed that Brazil would stay neutral.",
            "Brazil would stay neutral",
            "luiz-inacio-lula-da-silva",
            id="stressed-hung-on-the-clause",
        ),
        pytest.param(
            "Indonesian Foreign Minister Retno Marsudi said the vote had been fair and added "
            "that Jakarta would accept it.",
            "Jakarta would accept it",
            "retno-marsudi",
            id="added-hung-on-the-clause",
        ),
    ],
)
def test_a_speech_verb_joined_to_a_reported_clause_goes_on_with_the_speaker(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "The head of the Red Cross delegation, Anna Weber, said that water was running out.",
            "water was running out",
            "anna-weber",
            id="head-of-a-delegation",
        ),
        pytest.param(
            "The Director General of the World Health Organization, Tedros Ghebreyesus, "
            "said that the outbreak was spreading.",
            "the outbreak was spreading",
            "tedros-ghebreyesus",
            id="director-general-of-a-body",
        ),
        pytest.param(
            "The chairman of the African Union Commission, Moussa Faki, said that the talks "
            "would resume.",
            "the talks would resume",
            "moussa-faki",
            id="chairman-of-a-commission",
        ),
    ],
)
def test_a_person_named_beside_a_title_is_the_speaker_not_the_body_in_it(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "Sudanese army spokesman Nabil Abdallah said the airport was secure, according to "
            "diplomatic sources.",
            "the airport was secure",
            "nabil-abdallah",
            id="according-to-sources",
        ),
        pytest.param(
            "Mexican President Claudia Sheinbaum said tariffs would be answered, according to "
            "local media.",
            "tariffs would be answered",
            "claudia-sheinbaum",
            id="according-to-media",
        ),
        pytest.param(
            "Philippine Defence Secretary Gilberto Teodoro said the patrols would continue, "
            "according to a ministry transcript.",
            "the patrols would continue",
            "gilberto-teodoro",
            id="according-to-a-transcript",
        ),
    ],
)
def test_words_relayed_according_to_others_stay_the_speakers(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "Nigerian President Bola Tinubu pointed out that the border had been closed "
            "for a week.",
            "the border had been closed for a week",
            "bola-tinubu",
            id="pointed-out",
        ),
        pytest.param(
            "Chilean President Gabriel Boric made clear that no troops would be sent.",
            "no troops would be sent",
            "gabriel-boric",
            id="made-clear",
        ),
        pytest.param(
            "Malaysian Prime Minister Anwar Ibrahim spelled out that the talks would resume "
            "in May.",
            "the talks would resume in May",
            "anwar-ibrahim",
            id="spelled-out",
        ),
    ],
)
def test_a_phrasal_verb_of_saying_reports_its_clause(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Neither the toll nor the footage the militia says it shot near Gao could be verified.",
            id="thing-as-subject",
        ),
        pytest.param(
            "The weapons the rebels say they seized were shown on television.",
            id="relative-clause-with-a-gap",
        ),
        pytest.param(
            "A band of officers went on television to proclaim the president's removal.",
            id="no-clause-with-a-verb",
        ),
    ],
)
def test_no_quote_where_nobody_reports_a_claim(resources: Resources, text: str) -> None:
    result = analyse(resources, text)
    assert [q.evidence.text for q in result.quotes if q.kind is INDIRECT] == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "The International Atomic Energy Agency said stocks had grown. The agency added "
            "that inspectors had been barred.",
            "inspectors had been barred",
            "international-atomic-energy-agency",
            id="the-agency",
        ),
        pytest.param(
            "Al-Shabaab claimed the raid on the base. The group said forty soldiers had died.",
            "forty soldiers had died",
            "al-shabaab",
            id="the-group",
        ),
        pytest.param(
            "The African Union condemned the attack. The continental body said it mourned "
            "the dead.",
            "it mourned the dead",
            "african-union",
            id="the-continental-body",
        ),
    ],
)
def test_a_definite_body_noun_refers_back_to_the_body_named_before(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    ("text", "clause", "country", "sector"),
    [
        pytest.param(
            "Gunmen attacked a checkpoint in northern Kosovo overnight. The police said two "
            "officers were hurt.",
            "two officers were hurt",
            "XKX",
            "COP",
            id="the-police",
        ),
        pytest.param(
            "Protests spread across Bolivia on Friday. The government said the fuel price "
            "would not change.",
            "the fuel price would not change",
            "BOL",
            "GOV",
            id="the-government",
        ),
        pytest.param(
            "Clashes broke out in Myanmar's Shan state. The military said rebels had "
            "attacked first.",
            "rebels had attacked first",
            "MMR",
            "MIL",
            id="the-military",
        ),
    ],
)
def test_a_state_institution_with_none_named_is_that_of_the_country_told_of(
    resources: Resources, text: str, clause: str, country: str, sector: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert quote.speaker is not None
    assert (quote.speaker.country, quote.speaker.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "clause", "sector"),
    [
        pytest.param(
            "Witnesses said the convoy left before dawn.",
            "the convoy left before dawn",
            "CVL",
            id="witnesses",
        ),
        pytest.param(
            "Doctors at the clinic said three of the wounded had died.",
            "three of the wounded had died",
            "HLH",
            id="doctors",
        ),
        pytest.param(
            "Residents told reporters that the shelling had stopped.",
            "the shelling had stopped",
            "CVL",
            id="residents",
        ),
    ],
)
def test_people_named_by_what_they_are_speak_for_others_like_them(
    resources: Resources, text: str, clause: str, sector: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert quote.speaker is not None
    assert (quote.speaker.kind, quote.speaker.sector) == (ActorKind.ORG, sector)


@pytest.mark.parametrize(
    ("text", "clause", "speakers"),
    [
        pytest.param(
            "Hamas and Islamic Jihad said in a joint statement that they accepted the truce.",
            "they accepted the truce",
            {"hamas", "palestinian-islamic-jihad"},
            id="two-groups",
        ),
        pytest.param(
            "In a joint statement, Armenia and Azerbaijan said they would open the border.",
            "they would open the border",
            {"ARM", "AZE"},
            id="two-countries",
        ),
        pytest.param(
            "Ethiopia, Sudan and Egypt said the talks on the dam had failed.",
            "the talks on the dam had failed",
            {"ETH", "SDN", "EGY"},
            id="three-countries",
        ),
    ],
)
def test_a_joint_statement_is_spoken_by_all_its_parties(
    resources: Resources, text: str, clause: str, speakers: set[str]
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert quote.speaker is not None
    assert {quote.speaker.actor_id, *(a.actor_id for a in quote.joint)} == speakers


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            'The governor was "held without charge", with her aides "kept in the dark", '
            "opposition spokesman Tomas Ruiz told reporters.",
            "held without charge",
            "tomas-ruiz",
            id="told-reporters",
        ),
        pytest.param(
            'The ceasefire was "a fragile first step" and the talks "only a beginning", '
            "Kenyan President William Ruto said on Friday.",
            "a fragile first step",
            "william-ruto",
            id="said-after-two-partial-quotes",
        ),
        pytest.param(
            'The port remains "closed to all shipping" and the border "sealed", Ukrainian '
            "Foreign Minister Andrii Sybiha wrote on X.",
            "closed to all shipping",
            "andrii-sybiha",
            id="wrote",
        ),
    ],
)
def test_partial_quotes_before_another_share_the_sentences_speaker(
    resources: Resources, text: str, words: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), words, DIRECT)
    assert speaker_id(quote) == speaker


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "According to a statement released by the office of Israeli Prime Minister "
            "Benjamin Netanyahu, the cabinet approved the deal.",
            "the cabinet approved the deal",
            "isr-gov",
            id="released-by-a-persons-office",
        ),
        pytest.param(
            "According to a report issued by the Kenyan interior ministry, the attackers "
            "crossed from Somalia.",
            "the attackers crossed from Somalia",
            "ken-gov",
            id="issued-by-a-ministry",
        ),
        pytest.param(
            "According to a statement from Hamas, the talks in Cairo had failed.",
            "the talks in Cairo had failed",
            "hamas",
            id="statement-from",
        ),
    ],
)
def test_according_to_a_document_is_its_issuers_word(
    resources: Resources, text: str, clause: str, speaker: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert speaker_id(quote) == speaker
    assert quote.via == ()


@pytest.mark.parametrize(
    ("text", "clause", "country"),
    [
        pytest.param(
            "Gunmen attacked a checkpoint in northern Kosovo. According to police, two trucks "
            "blocked the bridge.",
            "two trucks blocked the bridge",
            "XKX",
            id="according-to-police",
        ),
        pytest.param(
            "A bomb went off in Peshawar on Monday. Police said seven people were wounded.",
            "seven people were wounded",
            "PAK",
            id="police-said",
        ),
        pytest.param(
            "Protesters marched through Tbilisi overnight. Authorities said 40 were detained.",
            "40 were detained",
            "GEO",
            id="authorities-said",
        ),
    ],
)
def test_a_bare_institution_noun_is_that_of_the_country_told_of(
    resources: Resources, text: str, clause: str, country: str
) -> None:
    quote = quote_of(analyse(resources, text), clause, INDIRECT)
    assert quote.speaker is not None and quote.speaker.country == country
