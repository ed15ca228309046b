"""Stories: one record per real event across articles, and the dated timeline."""

from storyline.stories.build import relink, story, title
from storyline.stories.link import link_events, restates, same_act

__all__ = ["link_events", "relink", "restates", "same_act", "story", "title"]
