"""Country names to ISO 3166 alpha-3: pycountry plus the curated aliases in data/."""

from __future__ import annotations

import pycountry

from storyline.actors import datafiles
from storyline.actors.names import name_key


class CountryIndex:
    """Looks up country names, codes and curated aliases; built once, passed down."""

    def __init__(self, aliases: dict[str, str], names: dict[str, str] | None = None) -> None:
        self._aliases = {name_key(k): v for k, v in aliases.items()}
        self._names = names or {}
        self._index: dict[str, str] | None = None  # built on first use

    @classmethod
    def load(cls) -> CountryIndex:
        """The index with the package's curated aliases (countries.yaml, checked)."""
        data = datafiles.load("countries.yaml")
        return cls(dict(data["aliases"]), dict(data.get("names") or {}))

    def code(self, name: str) -> str | None:
        """The alpha-3 code of a country name, or None when it is not a country.

        Names, common and official names and alpha-3 codes; never an alpha-2 code
        ("AU" is the African Union, "IO" part of "SPLM-IO", "MP" a member of
        parliament), except the curated aliases ("US", "UK")."""
        key = name_key(name)
        if key in self._aliases:
            return self._aliases[key]
        if self._index is None:
            self._index = _pycountry_index()
        return self._index.get(key)

    def name(self, code: str) -> str:
        """A country's common name for display."""
        if code in self._names:
            return self._names[code]
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            return code
        return getattr(country, "common_name", None) or country.name


def _pycountry_index() -> dict[str, str]:
    """pycountry's names, common and official names and alpha-3 codes, by `name_key`."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("alpha_3", "official_name", "common_name", "name"):
            value = getattr(country, attr, None)
            if value:
                index[name_key(value)] = country.alpha_3
    return index
