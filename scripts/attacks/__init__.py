"""Attacks on a running Buurtbudget: each module tries one area of docs/security.md and reports.

Run ``python -m scripts.attacks --base-url http://127.0.0.1:8000 [--database-url postgres://…]``.
Every module in this package defines ``ATTACKS``: functions that take a ``Target`` and return
``Finding``s. The runner finds the modules itself, so an area adds its module and nothing else.
"""
