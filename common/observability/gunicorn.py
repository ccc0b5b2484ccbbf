"""Gunicorn's own lines as JSON, like the app's: ``logconfig_dict`` for a gunicorn config file.

``deploy/gunicorn.conf.py`` sets ``logconfig_dict = gunicorn_logging(level=loglevel)`` (and
``accesslog = None``: gunicorn's access line holds the raw path, which may hold a voting code or a
login token; the app writes its own access line with the route instead, ``common.observability.middleware``).
"""

from __future__ import annotations

from typing import Any

from .logging import logging_config


def gunicorn_logging(*, level: str = "INFO") -> dict[str, Any]:
    """The app's JSON logging, plus gunicorn's own loggers: its lines at ``level``, no access lines."""
    config = logging_config()
    config["loggers"].update(
        {
            # Not propagated: the root handler would write each line twice.
            "gunicorn.error": {"handlers": ["json"], "level": level.upper(), "propagate": False},
            "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        }
    )
    return config


logconfig_dict: dict[str, Any] = gunicorn_logging()
