"""The vote's forms: the resident's way in and ballot; the officials' imports, letters, paper ballots."""
