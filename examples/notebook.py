# %% [markdown]
# # storyline from Python: from raw texts to a plot
#
# This notebook (cells marked `# %%`: open it in Jupyter with jupytext, in VS Code, or
# run it as a script) walks from the six articles in this folder to the events per
# week by PLOVER quad category and the actor network's busiest dyads.
#
# It needs the `dataframes` extra and matplotlib:
# `pip install -e '.[dataframes]' matplotlib`.

# %%
import os
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import storyline

HERE = Path(__file__).resolve().parent if "__file__" in globals() else Path("examples")
DB = os.environ.get("STORYLINE_NOTEBOOK_DB") or str(Path(tempfile.mkdtemp()) / "examples.db")
PLOT = Path(os.environ.get("STORYLINE_NOTEBOOK_PLOT") or HERE.parent / "docs" / "notebook.png")

# %% [markdown]
# ## One article, in memory
#
# `storyline.analyse` runs the whole per-article pipeline on a text and stores nothing.
# The first call loads the spaCy model and the knowledge files (once per process).

# %%
text = (HERE / "04_ohrid_annex.txt").read_text(encoding="utf-8")
one = storyline.analyse(text, published="2023-03-19")
print(f"{len(one.events)} events, {len(one.quotes)} quotes, {len(one.actors)} actors")
one.events.to_pandas()[["type", "source_name", "target_names", "date", "evidence_text"]]

# %% [markdown]
# ## The whole folder, into a store
#
# `Store.ingest` does what `storyline ingest` does (metadata from `metadata.jsonl`,
# datelines, near-duplicates, stories across articles) and prints the same summary.

# %%
store = storyline.open(DB)
summary = store.ingest(HERE)

# %% [markdown]
# ## Events as a DataFrame
#
# Nested values are columns: `source_name`, `source_country`, `target_countries` (a
# list), `evidence_text`, `evidence_start`, `day_first` (the first day the date allows).
# The filters are those of the CLI and the REST API.

# %%
events = store.events().to_pandas()
serbia = store.events(country="SRB").to_pandas()
print(f"{len(events)} events, {len(serbia)} with a Serbian actor")
serbia[["type", "quad", "source_name", "target_countries", "evidence_start"]].head()

# %% [markdown]
# ## Events per week by quad category
#
# An event dated to the day counts in its week; one dated only to a month or year
# counts in the week its article was published. Historical background is left out.

# %%
articles = store.articles().to_pandas()[["doc_id", "published"]]
news = events[~events["historical"]].merge(articles, on="doc_id")
news["day"] = news["day_first"].where(news["date_precision"] == "day", news["published"])
weekly = (
    news.dropna(subset=["day"])
    .groupby([pd.Grouper(key="day", freq="W-MON", label="left", closed="left"), "quad"])
    .size()
    .unstack("quad", fill_value=0)
)
weekly  # noqa: B018 (a cell shows its last value)

# %% [markdown]
# ## The actor network's top dyads
#
# `Store.network` counts, in SQL, the events between each two actors (either way).

# %%
nodes, dyads = store.network()
top = dyads.to_pandas().head(10)
top["dyad"] = top["source_name"] + " – " + top["target_name"]
top[["dyad", "events", "quad", "types"]]

# %% [markdown]
# ## The plot

# %%
COLOURS = {
    "verbal_cooperation": "#4c9be8",
    "material_cooperation": "#1f5fa8",
    "verbal_conflict": "#f0a04b",
    "material_conflict": "#c8402a",
}
fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8), width_ratios=[1.1, 1])
bottom = pd.Series(0, index=weekly.index)
for quad in (q for q in COLOURS if q in weekly.columns):
    left.bar(weekly.index, weekly[quad], bottom=bottom, width=6, align="edge",
             label=quad.replace("_", " "), color=COLOURS[quad])  # fmt: skip
    bottom += weekly[quad]
left.set_title("Events per week by quad category")
left.set_ylabel("events")
left.legend(frameon=False, fontsize=8)
left.tick_params(axis="x", labelrotation=30)
shown = top.iloc[::-1]
right.barh(shown["dyad"], shown["events"], color=[COLOURS.get(q, "#888") for q in shown["quad"]])
right.set_title("Top dyads (colour: most frequent quad category)")
right.set_xlabel("events")
right.tick_params(axis="y", labelsize=8)
fig.tight_layout()
PLOT.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(PLOT, dpi=110)
print(f"plot saved to {PLOT}")

# %%
store.close()
