"""The Python API's implementation; its public names are re-exported by `storyline`.

analysis.py   `analyse`: one text in memory, nothing stored
store.py      `open` and `Store`: ingest into a database and read it back
tables.py     `Table`: results as frozen records, `to_dicts`, `to_arrow`, `to_pandas`
columns.py    each result's columns, nested values flattened
filters.py    arguments checked into the store's filters (storyline.query)
inputs.py     paths, texts and records to articles
resources.py  the model and knowledge, loaded once per process
records.py    the frozen records listings add (timeline entry, dyad)
"""
