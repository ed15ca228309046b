"""What earlier articles taught about actors, so bindings carry across articles.

"Armenian Prime Minister Nikol Pashinyan" in one article makes "Pashinyan" alone in
another ARM GOV. The registry is read from the store at the start of a run and grows
as articles are stored; `plan_merges` then folds what was learned late into what was
stored early, so the final result does not depend on the order of ingest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.actors.names import fold, surname
from storyline.actors.spellings import name_key_of, one_variant
from storyline.records import Actor, ActorKind

ROLE_PREFIX = "role-"  # ids of people known only by their office ("the President of X")


def is_placeholder(actor: Actor) -> bool:
    """Whether the actor is a person known only by office, not yet by name."""
    return actor.actor_id.startswith(ROLE_PREFIX)


class ActorRegistry:
    """Known people and organisations, looked up by name, surname or office."""

    def __init__(self, actors: Iterable[Actor] = ()) -> None:
        self._by_id: dict[str, Actor] = {}
        self._by_surname: dict[str, set[str]] = defaultdict(set)
        self._names: set[str] = set()  # folded names and surnames, kept as people are added
        self._by_spelling: dict[tuple[str, ...], set[str]] = defaultdict(set)  # full names
        self.add(actors)

    def add(self, actors: Iterable[Actor]) -> None:
        """Learn these actors (a later binding fills what an earlier one lacked)."""
        for actor in actors:
            old = self._by_id.get(actor.actor_id)
            self._by_id[actor.actor_id] = old.merged(actor) if old else actor
            if actor.kind is ActorKind.PERSON and not is_placeholder(actor):
                last = surname(actor.name)
                self._by_surname[last].add(actor.actor_id)
                # "Controller BBC One" must not make every "one" him
                self._names.update(n for n in (fold(actor.name), last) if n not in STOP_WORDS)
                key = name_key_of(actor.name)
                if len(key) > 1:
                    self._by_spelling[key].add(actor.name)

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, if known."""
        return self._by_id.get(actor_id)

    def person_by_surname(self, name: str) -> Actor | None:
        """The one known person with a fuller name ending in this surname, if exactly one."""
        ids = [
            i
            for i in self._by_surname.get(surname(name), ())
            if len(self._by_id[i].name.split()) > 1
        ]
        return self._by_id[ids[0]] if len(ids) == 1 else None

    def person_variant(self, name: str) -> str | None:
        """The one known person's full name that `name` is another spelling of, found
        through the spelling keys (never by reading every known person)."""
        return one_variant(name, self._by_spelling.get(name_key_of(name), ()))

    def person_by_office(self, role: str, country: str | None) -> Actor | None:
        """The one known named person holding this office in this country, if exactly one."""
        found = [
            a
            for a in self._by_id.values()
            if a.kind is ActorKind.PERSON
            and not is_placeholder(a)
            and a.role
            and fold(a.role) == fold(role)
            and (country is None or a.country == country)
        ]
        return found[0] if len(found) == 1 else None

    def known_names(self) -> frozenset[str]:
        """Folded full names and surnames of the people known."""
        return frozenset(self._names)

    def actors(self) -> list[Actor]:
        """Everything known."""
        return list(self._by_id.values())


def plan_merges(actors: Iterable[Actor]) -> dict[str, str]:
    """Which stored actors are the same as another: old id -> id to merge into.

    A person known by surname alone joins the one person with that surname and a
    fuller name; a person known only by office joins the one named person holding it.
    """
    registry = ActorRegistry(actors)
    plan: dict[str, str] = {}
    for actor in registry.actors():
        if actor.kind is not ActorKind.PERSON:
            continue
        target = None
        if is_placeholder(actor) and actor.role:
            target = registry.person_by_office(actor.role, actor.country)
        elif len(actor.name.split()) == 1:
            target = registry.person_by_surname(actor.name)
        if target is not None and target.actor_id != actor.actor_id:
            if actor.country and target.country and actor.country != target.country:
                continue
            plan[actor.actor_id] = target.actor_id
    return plan
