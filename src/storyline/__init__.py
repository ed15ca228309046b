"""storyline: sourced events, quotes, actors and timelines from news reports."""

__version__ = "0.1.0"
