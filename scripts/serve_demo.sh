#!/usr/bin/env bash
# Serve the demo: the background worker (counts, letters) beside the development server.
# The worker stops when the server stops (Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.dev
.venv/bin/python manage.py db_worker --no-reload --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
.venv/bin/python manage.py runserver "${1:-127.0.0.1:8000}" --noreload
