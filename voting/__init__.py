"""The vote: eligibility (voting codes, the resident register), ballots online and on paper, closing."""
