"""What if: anyone re-counts a published result's ballots with another rule, budget or without the split.

``options`` (the choices and their form), ``selectors`` (the re-count, cached, against the official
result), ``views`` (the page and the pooled file). Every pbrules call goes through ``outcomes.engine``.
"""
