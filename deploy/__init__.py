"""Running Buurtbudget in production: the proxy, gunicorn and systemd files, and the local launcher.

Not a Django app: nothing here is imported by the site. ``deploy/local`` starts the whole topology
on one machine (``make prod-local``); docs/deploy.md describes the same pieces on real servers.
"""
