"""The gazetteer and the rules that read an event's location from its clause."""

from __future__ import annotations

from importlib import resources as package_files

import pycountry
import pytest
import yaml

from storyline import gazetteer as places
from storyline.errors import ConfigError
from storyline.events.places import event_location
from storyline.gazetteer import KINDS, Gazetteer, place_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The package's gazetteer, loaded once for this module."""
    return Gazetteer.load()


def _entries() -> list[dict]:
    text = package_files.files("storyline.data").joinpath("places.yaml").read_text("utf-8")
    return yaml.safe_load(text)["places"]


# -- the data file ------------------------------------------------------------------------


def test_places_file_has_well_formed_entries() -> None:
    entries = _entries()
    assert len(entries) >= 80
    for entry in entries:
        assert set(entry) <= {"name", "aliases", "country", "lat", "lon", "kind", "place"}
        assert entry["kind"] in KINDS, entry["name"]
        assert isinstance(entry["aliases"], list), entry["name"]
        code = entry["country"]
        assert code is None or code == "XKX" or pycountry.countries.get(alpha_3=code), code
        assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry["name"]
        assert "place" not in entry or entry["kind"] == "venue", entry["name"]


def test_places_file_lists_each_name_once() -> None:
    keys = [place_key(n) for e in _entries() for n in (e["name"], *e["aliases"])]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "Atlantis", "kind": "island", "lat": 0, "lon": 0}, "kind must be"),
        ({"name": "Atlantis", "kind": "region", "country": "Atl", "lat": 0, "lon": 0}, "ISO"),
        ({"name": "Atlantis", "kind": "region", "lat": "north", "lon": 0}, "numbers"),
        ({"name": "Atlantis", "kind": "region", "lat": 95, "lon": 0}, "out of range"),
        ({"kind": "region", "lat": 1, "lon": 1}, "needs a name"),
    ],
)
def test_bad_places_entry_is_a_one_line_error(entry: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        places._curated([entry])


def test_a_name_listed_twice_is_an_error() -> None:
    twice = [
        {"name": "Atlantis", "kind": "region", "lat": 0, "lon": 0},
        {"name": "Lemuria", "aliases": ["atlantis"], "kind": "region", "lat": 0, "lon": 0},
    ]
    with pytest.raises(ConfigError, match="already listed"):
        places._curated(twice)


# -- lookup ---------------------------------------------------------------------------------

LOOKUPS = [
    # name as written, canonical name, country, lat, lon (None: not known)
    ("Nagorno-Karabakh", "Nagorno-Karabakh", "AZE", 39.8, 46.7),
    ("nagorno karabakh", "Nagorno-Karabakh", "AZE", 39.8, 46.7),
    ("Artsakh", "Nagorno-Karabakh", "AZE", 39.8, 46.7),
    ("the Lachin corridor", "Lachin Corridor", "AZE", 39.6, 46.5),
    ("Gaza", "Gaza Strip", "PSE", 31.4, 34.4),
    ("the West Bank", "West Bank", "PSE", 31.9, 35.2),
    ("Golan Heights", "Golan Heights", "SYR", 33.0, 35.8),
    ("Crimea", "Crimea", "UKR", 45.3, 34.4),
    ("Donbass", "Donbas", "UKR", 48.2, 38.3),
    ("Kashmir", "Kashmir", None, 34.1, 75.0),
    ("Transnistria", "Transnistria", "MDA", 47.2, 29.4),
    ("the Strait of Hormuz", "Strait of Hormuz", None, 26.6, 56.3),
    ("Kerem Shalom", "Kerem Shalom", "ISR", 31.2, 34.3),
    ("Munich Security Conference", "Munich", "DEU", 48.1, 11.6),
    ("UNGA", "New York City", "USA", 40.7, -74.0),
    ("Camp David", "Camp David", "USA", 39.6, -77.5),
    ("Kyiv", "Kyiv", "UKR", 50.45, 30.5),
    ("KYIV", "Kyiv", "UKR", 50.45, 30.5),
    ("Kiev", "Kyiv", "UKR", 50.45, 30.5),
    ("Donetsk", "Donetsk", "UKR", 48.0, 37.8),  # the larger of two Donetsks
    ("Washington", "Washington", "USA", 38.9, -77.0),  # not Washington, England
    ("New York", "New York City", "USA", 40.7, -74.0),
    ("Pristina", "Pristina", "XKX", 42.7, 21.2),
    ("bogota", "Bogotá", "COL", 4.6, -74.1),
    ("Georgia", "Georgia", "GEO", None, None),  # the country before the US state
    ("the United States", "United States", "USA", None, None),
    ("U.S.", "United States", "USA", None, None),
    ("Kosovo", "Kosovo", "XKX", None, None),
    ("Texas", "Texas", "USA", None, None),  # a US state is a region, not a country
    ("Asia", "Asia", None, 34.0, 100.0),  # the continent, not the Philippine town
]


@pytest.mark.parametrize(("text", "name", "country", "lat", "lon"), LOOKUPS)
def test_lookup_finds_curated_places_countries_and_cities(
    gazetteer: Gazetteer,
    text: str,
    name: str,
    country: str | None,
    lat: float | None,
    lon: float | None,
) -> None:
    location = gazetteer.lookup(text)
    assert location is not None
    assert (location.name, location.country) == (name, country)
    if lat is None:
        assert location.lat is None and location.lon is None
    else:
        assert location.lat == pytest.approx(lat, abs=1.0)
        assert location.lon == pytest.approx(lon, abs=1.0)


@pytest.mark.parametrize(
    ("text", "country"),
    [("Borno", "NGA"), ("Upper Nile", "SSD"), ("Oromia", "ETH"), ("Kwilu", "COD")],
)
def test_lookup_finds_a_country_s_states_and_provinces(
    gazetteer: Gazetteer, text: str, country: str
) -> None:
    location = gazetteer.lookup(text)
    assert location is not None and location.country == country


@pytest.mark.parametrize("text", ["Unity", "Somali", "Northern", "Lakes"])
def test_a_division_named_by_a_common_word_or_shared_name_is_no_place(
    gazetteer: Gazetteer, text: str
) -> None:
    location = gazetteer.lookup(text)
    assert location is None or location.name != text or location.country is None


@pytest.mark.parametrize("text", ["", "the", "us", "in", "Ministry of Defence", "1945", "-"])
def test_lookup_returns_none_for_what_is_not_a_place(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.lookup(text) is None


# -- event_location -------------------------------------------------------------------------

SENTENCES = [
    # sentence, destination_ok, expected name, expected country
    ("Foreign ministers met at the Munich Security Conference in Germany.", False, "Munich",
     "DEU"),
    ("The two leaders spoke in New York on the sidelines of the annual UNGA.", False,
     "New York City", "USA"),
    ("Shelling resumed in the Nagorno-Karabakh region overnight.", False, "Nagorno-Karabakh",
     "AZE"),
    ("The spokesman said in Pristina that talks would resume.", False, "Pristina", "XKX"),
    ("Aid trucks entered Gaza through the Rafah crossing.", False, "Rafah Crossing", "PSE"),
    ("Leaders gathered at Camp David on Friday.", False, "Camp David", "USA"),
    ("A drone struck a tanker in the Strait of Hormuz.", False, "Strait of Hormuz", None),
    ("Fighting flared in the city of Bakhmut in eastern Ukraine.", False, "Bakhmut", "UKR"),
    ("Artillery hit villages on the outskirts of Kharkiv.", False, "Kharkiv", "UKR"),
    ("Rebels ambushed a convoy near Goma in the Democratic Republic of Congo.", False, "Goma",
     "COD"),
    ("Clashes broke out in Donetsk and Luhansk.", False, "Donetsk", "UKR"),
    ("Drones were shot down over the Black Sea near Crimea.", False, "Crimea", "UKR"),
    ("A tanker was seized in the Gulf of Oman off the coast of Iran.", False, "Gulf of Oman",
     None),
    ("Missiles hit an apartment block in Kyiv's southern suburbs.", False, "Kyiv", "UKR"),
    ("The convoy was ambushed 30 kilometres north of Kabul.", False, "Kabul", "AFG"),
    ("Troops were deployed in Kashmir after the attack.", False, "Kashmir", None),
    ("Talks at the White House ended without a deal.", False, "Washington", "USA"),
    ("Two people were shot in Texas on Sunday.", False, "Texas", "USA"),
    ("The foreign minister held talks in Ankara with his Iranian counterpart.", False, "Ankara",
     "TUR"),
    ("Police clashed with protesters outside the parliament in Tbilisi.", False, "Tbilisi",
     "GEO"),
    ("Israeli jets struck targets across southern Lebanon.", False, "Lebanon", "LBN"),
    # destinations count only for movement events
    ("The prime minister will travel to Armenia next week.", True, "Armenia", "ARM"),
    ("The prime minister arrived in Yerevan for a visit to Armenia.", True, "Yerevan", "ARM"),
    ("Protesters blocked the Lachin corridor for a third week.", True, "Lachin Corridor", "AZE"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "destination_ok", "name", "country"), SENTENCES)
def test_event_location_is_the_most_specific_place_the_event_happened(
    resources, gazetteer: Gazetteer, sentence: str, destination_ok: bool, name: str,
    country: str | None,
) -> None:  # fmt: skip
    doc = resources.nlp(sentence)
    location = event_location(doc, list(doc), gazetteer, destination_ok=destination_ok)
    assert location is not None
    assert (location.name, location.country) == (name, country)


NO_LOCATION = [
    ("Troops exchanged fire along the border.", False),
    ("The prime minister will travel to Armenia next week.", False),  # only a destination
    ("Protesters blocked the Lachin corridor for a third week.", False),  # only a target
    ("Russia launched an attack on the city of Kharkiv.", False),  # a target
    ("Thousands of refugees fled from Sudan.", True),  # an origin
    ("The delegation left Moscow on Monday.", True),  # a place left behind
    ("The Kyiv Post reported the strike.", False),  # a newspaper's name
    ("Officials met in March to discuss the deal.", False),  # a month, not the town
    ("The president spoke at Washington University.", False),  # a university's name
    ("The talks ended without agreement.", False),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "destination_ok"), NO_LOCATION)
def test_event_location_is_none_without_a_place_of_the_event(
    resources, gazetteer: Gazetteer, sentence: str, destination_ok: bool
) -> None:
    doc = resources.nlp(sentence)
    assert event_location(doc, list(doc), gazetteer, destination_ok=destination_ok) is None


@pytest.mark.slow
def test_event_location_reads_only_the_clause_it_is_given(resources, gazetteer) -> None:
    doc = resources.nlp("Officials in Baku said that shelling hit a village in Armenia.")
    hit = next(t for t in doc if t.text == "hit")
    clause = event_location(doc, list(hit.subtree), gazetteer)
    assert clause is not None and (clause.name, clause.country) == ("Armenia", "ARM")
    sentence = event_location(doc, list(doc), gazetteer)
    assert sentence is not None and sentence.name == "Baku"  # a city beats a country


@pytest.mark.slow
def test_event_location_gives_coordinates(resources, gazetteer: Gazetteer) -> None:
    doc = resources.nlp("Foreign ministers met at the Munich Security Conference in Germany.")
    location = event_location(doc, list(doc), gazetteer)
    assert location is not None
    assert location.lat == pytest.approx(48.1, abs=1.0)
    assert location.lon == pytest.approx(11.6, abs=1.0)
