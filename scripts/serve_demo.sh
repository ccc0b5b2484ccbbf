#!/usr/bin/env bash
# Serve the demo as production runs it, on one machine: a task worker (counts, letters, e-mail) and
# the scheduler (due verdicts and results, reminders, retention; docs/operations.md) beside the
# development server. Both stop when the server stops (Ctrl-C). E-mail is printed here.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.dev
# The scheduler publishes in the name of the demo's administrator (demo/content/accounts.py).
export BUURTBUDGET_SCHEDULER_ACCOUNT="${BUURTBUDGET_SCHEDULER_ACCOUNT:-beheer@demo.buurtbudget.nl}"
.venv/bin/python manage.py run_worker --interval 1 &
worker=$!
.venv/bin/python manage.py run_scheduler &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null || true' EXIT INT TERM
.venv/bin/python manage.py runserver "${1:-127.0.0.1:8000}" --noreload
