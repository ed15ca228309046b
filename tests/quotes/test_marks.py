"""Quotation marks: straight, curly and mixed pairs; split, unbalanced and
multi-paragraph quotations; spans without their marks or trailing commas."""

from __future__ import annotations

import pytest

from storyline.quotes import QuotedSpan, find_quoted

# find_quoted is plain text work: no spaCy, so this module is not marked slow.

MARKS = frozenset('"“”„«»')


def quoted_texts(text: str) -> list[str]:
    """The words of every quotation found, in order."""
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"We will not sign this document," Serbian President Aleksandar Vucic said.',
            ["We will not sign this document"],
            id="straight",
        ),
        pytest.param(
            "“We will not sign this document,” Serbian President Aleksandar Vucic said.",
            ["We will not sign this document"],
            id="curly",
        ),
        pytest.param(
            '“We will not sign this document," Serbian President Aleksandar Vucic said.',
            ["We will not sign this document"],
            id="curly-open-straight-close",
        ),
        pytest.param(
            '"We will not sign this document”, Serbian President Aleksandar Vucic said.',
            ["We will not sign this document"],
            id="straight-open-curly-close-comma-outside",
        ),
        pytest.param(
            'Kurti said the north was "under siege" and asked NATO for help.',
            ["under siege"],
            id="partial",
        ),
        pytest.param(
            '"The river belongs to all of us," Shoukry said. "And no one will take our share."',
            ["The river belongs to all of us", "And no one will take our share."],
            id="split-quotation",
        ),
        pytest.param(
            "“The river belongs to all of us,” Shoukry said. “And no one will take our share.”",
            ["The river belongs to all of us", "And no one will take our share."],
            id="split-quotation-curly",
        ),
        pytest.param(
            "“ Our answer is no , ” the Ethiopian negotiator said.",
            ["Our answer is no"],
            id="inner-spaces-and-comma",
        ),
        pytest.param(
            "Egypt's position hasn't changed since the talks in Washington.",
            [],
            id="apostrophes-are-not-marks",
        ),
        pytest.param('The form was left "" blank.', [], id="empty-pair"),
    ],
)
def test_quotations_are_found_between_marks(text: str, expected: list[str]) -> None:
    assert quoted_texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"We will not sign," Vucic said.', id="straight"),
        pytest.param("“We will not sign,” Vucic said.", id="curly"),
        pytest.param('“We will not sign," Vucic said.', id="curly-open-straight-close"),
        pytest.param('"We will not sign”, Vucic said.', id="comma-after-close"),
        pytest.param('"Talks must resume;" the envoy said.', id="semicolon"),
        pytest.param('"We want peace," she said. "And we want it now."', id="split"),
    ],
)
def test_spans_exclude_marks_and_trailing_commas(text: str) -> None:
    spans = find_quoted(text)
    assert spans
    for q in spans:
        assert text[q.open_mark] in MARKS and text[q.close_mark] in MARKS
        assert q.open_mark < q.start < q.end <= q.close_mark
        words = text[q.start : q.end]
        assert words == words.strip() and words[-1] not in ",;:" and not MARKS & set(words)


def test_split_quotation_gives_both_spans_with_their_marks() -> None:
    text = '"We want peace," she said. "And we want it now."'
    assert find_quoted(text) == [
        QuotedSpan(start=1, end=14, open_mark=0, close_mark=15),
        QuotedSpan(start=28, end=47, open_mark=27, close_mark=47),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Ethiopian Prime Minister Abiy Ahmed said "we have no wish to harm anyone.\n'
            'Egyptian officials called the dam "a threat" and "a provocation".',
            ["a threat", "a provocation"],
            id="open-mark-then-next-paragraph",
        ),
        pytest.param(
            'Vucic said "we are close to a deal.\n'
            "Kurti disagreed.\n"
            '"There is nothing to discuss," Kurti told reporters.',
            ["There is nothing to discuss"],
            id="paragraph-between",
        ),
        pytest.param(
            "Kurti called the plan “a trap.\nVucic said the plan was “dead”.",
            ["dead"],
            id="curly-open-mark-then-next-paragraph",
        ),
    ],
)
def test_unbalanced_mark_does_not_swallow_the_next_paragraph(
    text: str, expected: list[str]
) -> None:
    assert quoted_texts(text) == expected


def test_stray_straight_mark_does_not_swallow_a_later_quotation_in_its_paragraph() -> None:
    # A straight mark after a space and before a word opens a quotation, so the earlier
    # mark was never closed.
    text = '"We are ready to talk, Vucic said on Monday. Kurti said "no" on Tuesday.'
    assert quoted_texts(text) == ["no"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“We will keep talking to Addis Ababa.\n"
            "“The river belongs to all of us,” Shoukry said.",
            ["We will keep talking to Addis Ababa.", "The river belongs to all of us"],
            id="curly",
        ),
        pytest.param(
            '"We will keep talking to Addis Ababa.\n'
            '"The river belongs to all of us," Shoukry said.',
            ["We will keep talking to Addis Ababa.", "The river belongs to all of us"],
            id="straight",
        ),
        pytest.param(
            '"First, the fighting must stop.\n'
            '"Second, aid must reach Khartoum.\n'
            '"Third, talks must resume in Jeddah," the envoy said.',
            [
                "First, the fighting must stop.",
                "Second, aid must reach Khartoum.",
                "Third, talks must resume in Jeddah",
            ],
            id="three-paragraphs-straight",
        ),
    ],
)
def test_multi_paragraph_quotation_continues(text: str, expected: list[str]) -> None:
    assert quoted_texts(text) == expected
