"""The voting services, by topic: casting, paper ballots, eligibility, closing the vote."""
