"""The REST API and web app: one FastAPI app over the store (`storyline serve`)."""

from storyline.api.app import create_app

__all__ = ["create_app"]
