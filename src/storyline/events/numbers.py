"""Counts in an event's clause: how many people it says were killed, and how many of a
given thing ("700 additional troops").

Numbers are read in digits ("6,700", "1.5 million") or words ("twenty-five", "one
hundred and twenty", "a dozen"); a qualifier ("more than", "at least", "nearly",
"about") keeps the number. Vague amounts ("dozens", "hundreds", "scores") are not
numbers. A death count must be tied to death by the parse: the object of "kill", the
subject of "were killed", "died", "lost their lives", "were dead"; the object of "left
... dead"; the number of "deaths", "fatalities", "dead"; or the figure of a death toll.
Injured and wounded counts, and "casualties" (which include the wounded), are not
deaths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Multipliers of what comes before them ("two dozen", "three hundred").
_FACTORS = {"dozen": 12, "hundred": 100}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"\d{1,3}(,\d{3})+|\d+(\.\d+)?")
# Words allowed between the words of one number ("one hundred and twenty").
_JOINERS = frozenset({"-", "and"})

# The death lexicon is grammar more than knowledge, and small: kept here.
_KILL_VERBS = frozenset(
    {"kill", "slay", "massacre", "murder", "execute", "assassinate", "behead", "slaughter"}
)
_DIE_VERBS = frozenset({"die", "perish"})
_DEATH_NOUNS = frozenset({"death", "fatality", "dead"})
_TOLL_PREPS = frozenset({"to", "at", "of"})
# Singular nouns for one victim ("a soldier was killed"); collective nouns stay out.
_PERSON_NOUNS = frozenset(
    {"person", "man", "woman", "child", "boy", "girl", "baby", "teenager", "civilian",
     "soldier", "officer", "policeman", "policewoman", "guard", "fighter", "militant",
     "rebel", "commander", "journalist", "reporter", "photographer", "worker",
     "peacekeeper", "pilot", "resident", "protester", "student", "doctor", "nurse",
     "farmer", "driver", "shepherd", "fisherman", "volunteer", "paramedic", "medic",
     "member", "servicemember", "serviceman", "marine", "sailor", "contractor", "hostage"}
)  # fmt: skip


def parse_number(words: Sequence[str]) -> int | None:
    """The value of a number's words ("6,700", "1.5 million", "twenty - five"), or None."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        word = raw.lower()
        if word in _JOINERS:
            continue
        if _DIGITS.fullmatch(word):
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _FACTORS:
            current = (current or 1) * _FACTORS[word]
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return round(total + current) if seen else None


def _is_number(token: Token) -> bool:
    word = token.lower_
    return bool(_DIGITS.fullmatch(word)) or word in _UNITS or word in _FACTORS or word in _SCALES


def _number_heads(tokens: Sequence[Token]) -> list[tuple[Token, int]]:
    """Each number in the clause (its top token) with its value."""
    out = []
    for token in tokens:
        if not _is_number(token) or (_is_number(token.head) and token.head.i != token.i):
            continue
        if token.i > 0 and token.doc[token.i - 1].lower_ == "no":
            continue  # "no one was killed"
        value = parse_number([t.text for t in _number_words(token)])
        if value is not None:
            out.append((token, value))
    return out


def _number_words(head: Token) -> list[Token]:
    """The run of number words around a number's top token, within its subtree."""
    doc, inside = head.doc, {t.i for t in head.subtree}

    def part(i: int) -> bool:
        word = doc[i].lower_
        if i not in inside:
            return False
        if word == "and":  # only inside a number in words: "one hundred and twenty"
            return i > 0 and doc[i - 1].lower_ in (*_FACTORS, *_SCALES)
        return word == "-" or _is_number(doc[i])

    start, end = head.i, head.i + 1
    while start > 0 and part(start - 1):
        start -= 1
    while end < len(doc) and part(end):
        end += 1
    while end - 1 > head.i and doc[end - 1].lower_ in _JOINERS:
        end -= 1
    while start < head.i and doc[start].lower_ in _JOINERS:
        start += 1
    return list(doc[start:end])


def _counted(number: Token) -> Token:
    """The noun a number counts ("200 troops" -> troops); the number itself when it
    stands alone ("killed 9", "rose to 45")."""
    return number.head if number.dep_ == "nummod" and number.head.i != number.i else number


def _governor(noun: Token) -> Token:
    """The first of a list of conjoined nouns ("two soldiers and three civilians")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ != "VERB":
        noun = noun.head
    return noun


def _has_child(token: Token, lemmas: Iterable[str], deps: Iterable[str] | None = None) -> bool:
    wanted = set(lemmas)
    return any(
        c.lemma_.lower() in wanted and (deps is None or c.dep_ in deps) for c in token.children
    )


def _is_toll(token: Token) -> bool:
    """A death toll: "toll" alone or with "death" (not an injury or casualty toll), or
    "the number of dead"."""
    lemma = token.lemma_.lower()
    if lemma == "toll":
        return not _has_child(token, ("injury", "casualty", "wounded"), ("compound", "amod"))
    if lemma == "number":
        return any(
            c.lower_ == "of" and _has_child(c, ("dead", "death", "fatality"), ("pobj",))
            for c in token.children
        )
    return False


def _death_anchor(number: Token) -> tuple[Token, bool] | None:
    """What ties a number to deaths: (the word it hangs on, whether it is a toll)."""
    noun = _counted(number)
    if noun.lemma_.lower() in _DEATH_NOUNS or any(
        c.dep_ == "amod" and c.lower_ in ("dead", "killed") for c in noun.children
    ):
        return noun, False  # "31 deaths", "14 people dead"
    role = _governor(noun)
    dep, head = role.dep_, role.head
    lemma = head.lemma_.lower()
    if dep in ("dobj", "nsubjpass") and lemma in _KILL_VERBS:
        return head, False
    if dep == "nsubj" and (
        lemma in _DIE_VERBS
        or (lemma == "lose" and _has_child(head, ("life",), ("dobj",)))
        or (lemma == "be" and _has_child(head, ("dead",), ("acomp",)))
    ):
        return head, False
    if dep == "dobj" and lemma == "leave" and _has_child(head, ("dead",)):
        return head, False  # "left three soldiers dead"
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "life":
        return head.head, False  # "claimed the lives of 30 people"
    return _toll_anchor(noun)


def _toll_anchor(noun: Token) -> tuple[Token, bool] | None:
    """A toll's figure: "the death toll rose to 45", "put the death toll at 1,200", "a
    toll of 45", "the toll reached 45", "the death toll is 45"."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _TOLL_PREPS:
        holder = noun.head.head
        # "rose from 30 to 45": "to 45" may hang on "from" or on "30"
        while holder.dep_ in ("pobj", "prep") and (_is_number(holder) or holder.pos_ == "ADP"):
            holder = holder.head
    elif noun.dep_ in ("dobj", "attr"):
        holder = noun.head
    else:
        return None
    if _is_toll(holder) or any(_is_toll(c) for c in holder.children):
        return holder, True
    return None


def fatalities(tokens: Sequence[Token]) -> int | None:
    """How many deaths the clause reports, or None when it gives no number.

    Numbers tied to one killing are added up ("killed two soldiers and three
    civilians" -> 5). A direct count wins over a death toll ("killed 5, bringing the
    toll to 20" -> 5); with several of one sort, the largest.
    """
    direct: dict[int, int] = {}
    tolls: list[int] = []
    numbers = _number_heads(tokens)
    counted = {_counted(n).i for n, _ in numbers}
    candidates = numbers + _single_victims(tokens, counted)
    for number, value in candidates:
        anchor = _death_anchor(number)
        if anchor is None:
            continue
        head, is_toll = anchor
        if is_toll:
            tolls.append(value)
        else:
            direct[head.i] = direct.get(head.i, 0) + value
    if direct:
        return max(direct.values())
    return max(tolls) if tolls else None


def _single_victims(tokens: Sequence[Token], counted: set[int]) -> list[tuple[Token, int]]:
    """One victim named without a number ("a soldier was killed") counts as 1."""
    return [
        (t, 1)
        for t in tokens
        if t.i not in counted
        and t.tag_ == "NN"
        and t.lemma_.lower() in _PERSON_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
    ]


def count(tokens: Sequence[Token], nouns: Iterable[str]) -> int | None:
    """The first number in the clause that counts one of these nouns ("about 700
    additional troops" -> 700 for {"troops"}); nouns match by form or lemma."""
    wanted = {n.lower() for n in nouns}
    for number, value in _number_heads(tokens):
        noun = _counted(number)
        if noun.i != number.i and (noun.lower_ in wanted or noun.lemma_.lower() in wanted):
            return value
    return None
