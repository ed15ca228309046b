"""Only English text is accepted; the refusal says why."""

from __future__ import annotations

import pytest

from storyline.errors import IngestError
from storyline.ingest.language import require_english

ENGLISH = (
    "The two delegations met in Geneva on Thursday and agreed to hold another round of "
    "talks before the end of the month, the mediator said."
)


@pytest.mark.parametrize(
    "text",
    [
        "Les deux délégations se sont réunies jeudi à Genève et ont convenu de tenir une "
        "nouvelle série de pourparlers avant la fin du mois.",
        "Die beiden Delegationen trafen sich am Donnerstag in Genf und vereinbarten eine "
        "weitere Verhandlungsrunde vor Ende des Monats.",
        "Обе делегации встретились в четверг в Женеве и договорились провести ещё один "
        "раунд переговоров до конца месяца.",
    ],
    ids=["french", "german", "russian"],
)
def test_non_english_text_is_refused(text: str) -> None:
    with pytest.raises(IngestError, match=r"^a\.txt: text does not look English"):
        require_english(text, "a.txt", 0.15)


def test_english_text_passes() -> None:
    require_english(ENGLISH, "a.txt", 0.15)


def test_text_without_words_is_refused() -> None:
    with pytest.raises(IngestError, match="no words"):
        require_english("12 345 -- 2023 !!!", "a.txt", 0.15)
