"""The resident's side of the online vote: the start page, the ballot, the receipt, the e-mail check."""
