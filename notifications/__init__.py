"""Notifications to residents about their plans: a list in the account, and e-mail unless turned off."""
