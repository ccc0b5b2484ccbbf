"""The officials' vote pages (namespace ``voting_staff``): eligibility, letters, closing, paper ballots."""
