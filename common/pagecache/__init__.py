"""Whole anonymous public pages served from the cache, invalidated by every committed write.

Why: on voting day most requests are residents reading the same few pages (home, edition, plan list,
plan, results), and each render costs 5–20 ms of CPU that the casts then queue behind (issue 19 §4).

How, in three parts:

- ``generation``: one token in the page cache names the current state of the database. Every key of
  a cached page contains it, so changing the token retires every cached page at once.
- ``writes``: a database execute wrapper sees every INSERT, UPDATE and DELETE (the ORM's, the
  admin's, ``QuerySet.update()``, raw SQL) and changes the token after the transaction commits —
  except for the tables of ``PAGE_CACHE_UNWATCHED_MODELS`` (the ballot box, sessions, tasks...),
  so a cast changes nothing and the pages stay cached through a vote.
- ``pages``: the ``cached_page`` view decorator that serves a visitor without a session from the
  cache, keyed on the generation, the moment's window (so a phase opening or a result's publication
  time shows at once), the language, the path, the normalised query and htmx; per-visitor values
  (the CSRF token, the CSP nonce) are placeholders filled per request.

``docs/page-cache.md`` says what is cached, for whom, and how it is invalidated.
"""

from .pages import cached_page
from .writes import watch_writes

__all__ = ["cached_page", "watch_writes"]
