"""Following: people who follow a project or an edition, notified of its news; reminders to owners."""
