"""`import storyline` stays light: the API's names load on first use, spaCy only when
something is analysed."""

from __future__ import annotations

import subprocess
import sys

import pytest

import storyline


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running the code."""
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


@pytest.mark.parametrize(
    "heavy", ["spacy", "pandas", "pyarrow", "storyline.pipeline", "storyline.library", "rich"]
)
def test_importing_storyline_imports_no_heavy_module(heavy: str) -> None:
    assert heavy not in _modules_after("import storyline")


def test_the_table_type_comes_without_the_model_or_pandas() -> None:
    loaded = _modules_after("import storyline\nstoryline.Table")
    assert "storyline.library.tables" in loaded
    assert not {"spacy", "pandas", "pyarrow"} & loaded


def test_public_names_are_listed_and_resolve_to_the_library() -> None:
    assert set(storyline.__all__) == {
        "Analysis",
        "Store",
        "Table",
        "__version__",
        "analyse",
        "open",
    }
    assert {"analyse", "open", "Store"} <= set(dir(storyline))
    assert storyline.open.__module__ == "storyline.library.store"
    assert storyline.analyse.__module__ == "storyline.library.analysis"
    assert storyline.Store.__doc__ and storyline.Table.__doc__


@pytest.mark.parametrize("name", ["pipeline_stuff", "Resources", "load"])
def test_an_unknown_name_is_an_attribute_error(name: str) -> None:
    with pytest.raises(AttributeError, match=name):
        getattr(storyline, name)
