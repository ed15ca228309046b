"""Country names to ISO 3166 alpha-3: pycountry plus the curated aliases in data/."""

from __future__ import annotations

from importlib import resources

import pycountry
import yaml


class CountryIndex:
    """Looks up country names, codes and curated aliases; built once, passed down."""

    def __init__(self, aliases: dict[str, str], names: dict[str, str] | None = None) -> None:
        self._aliases = {k.casefold(): v for k, v in aliases.items()}
        self._names = names or {}

    @classmethod
    def load(cls) -> CountryIndex:
        """The index with the package's curated aliases."""
        text = resources.files("storyline.data").joinpath("countries.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
        return cls(data["aliases"], data.get("names"))

    def code(self, name: str) -> str | None:
        """The alpha-3 code of a country name, or None when it is not a country."""
        key = name.strip().casefold()
        if key.startswith("the "):
            key = key[4:]
        if key in self._aliases:
            return self._aliases[key]
        if f"the {key}" in self._aliases:
            return self._aliases[f"the {key}"]
        try:
            return pycountry.countries.lookup(name.strip().removeprefix("the ")).alpha_3
        except LookupError:
            return None

    def name(self, code: str) -> str:
        """A country's common name for display."""
        if code in self._names:
            return self._names[code]
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            return code
        return getattr(country, "common_name", None) or country.name
