"""Gunicorn's own lines as JSON, like the app's: ``logconfig_dict`` for a gunicorn config file.

``deploy/gunicorn.conf.py`` sets ``logconfig_dict = logconfig_dict`` (and ``accesslog = None``:
gunicorn's access line holds the raw path, which may hold a voting code or a login token; the app
writes its own access line with the route instead, ``common.observability.middleware``).
"""

from __future__ import annotations

from typing import Any

from .logging import logging_config


def _gunicorn_logging() -> dict[str, Any]:
    config = logging_config()
    config["loggers"].update(
        {
            # Not propagated: the root handler would write each line twice.
            "gunicorn.error": {"handlers": ["json"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        }
    )
    return config


logconfig_dict: dict[str, Any] = _gunicorn_logging()
