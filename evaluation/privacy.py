"""The smallest groups the learning programme shows: below these a figure is suppressed, not shown."""

from __future__ import annotations

# Survey answers, and any breakdown of them (by neighbourhood, age band, gender, category).
MIN_GROUP = 10
# Ballot-level breakdowns in the open data (a neighbourhood's or channel's ballots in the .pb file).
MIN_BALLOT_GROUP = 50
